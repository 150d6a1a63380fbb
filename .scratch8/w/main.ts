import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
const file = join(__dirname, 'child.ts');
const w = new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { eval: true, workerData: { x: 1 } });
w.on('message', (m) => console.log('msg', m));
w.on('error', (e) => console.log('err', e));
w.on('exit', (c) => console.log('exit', c));
