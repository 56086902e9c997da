/**
 * One cluster per test file: started before its tests, stopped after them, its nodes' last lines printed when a test
 * or hook failed (counted by tests/cluster/environment.js).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startCluster } = require('./harness');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Cluster = any;

export interface ClusterOptions {
  nodes?: number;
  basePort: number;
  env?: Record<string, string>;
  s3?: boolean;
}

declare global {
  var __clusterFailures: number;
}

/** Returns a getter: the cluster exists once beforeAll has run. */
export function useCluster(options: ClusterOptions): () => Cluster {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(options);
  });
  afterAll(async () => {
    if (!cluster) return;
    if (globalThis.__clusterFailures > 0) cluster.printLogs();
    await cluster.stop();
  });
  return () => cluster;
}
