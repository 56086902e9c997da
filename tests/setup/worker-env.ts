import { TEST_ENV } from './env';

Object.assign(process.env, TEST_ENV);
