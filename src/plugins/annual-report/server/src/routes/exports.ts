/** Admin routes of this area; see routes/index.ts. */
export default [] as object[];
