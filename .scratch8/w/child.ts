import { parentPort, workerData } from 'node:worker_threads';
import { fromJson } from '../../src';
const x: number = workerData.x;
parentPort!.postMessage({ ok: typeof fromJson, x });
