import { spawn } from 'node:child_process';
const child = spawn('node', ['node_modules/@modelcontextprotocol/server-sequential-thinking/dist/index.js'], { env: { ...process.env, DISABLE_THOUGHT_LOGGING: 'true' }, stdio: ['pipe', 'pipe', 'inherit'] });
let buf = ''; const pending = new Map(); let id = 0;
child.stdout.on('data', d => { buf += d; let i; while ((i = buf.indexOf('\n')) >= 0) { const line = buf.slice(0, i); buf = buf.slice(i + 1); if (!line.trim()) continue; const msg = JSON.parse(line); if (pending.has(msg.id)) { pending.get(msg.id)(msg); pending.delete(msg.id); } } });
const rpc = (method, params) => new Promise(res => { const myId = ++id; pending.set(myId, res); child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id: myId, method, params }) + '\n'); });
const init = await rpc('initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'mcpver-fixture-capture', version: '1' } });
child.stdin.write(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) + '\n');
const list = await rpc('tools/list', {});
const calls = [
  { thought: 'Parse the request', nextThoughtNeeded: true, thoughtNumber: 1, totalThoughts: 3 },
  { thought: 'Overshoot the estimate', nextThoughtNeeded: true, thoughtNumber: 5, totalThoughts: 3 },
  { thought: 'Revise thought 1', nextThoughtNeeded: true, thoughtNumber: 6, totalThoughts: 6, isRevision: true, revisesThought: 1 },
  { thought: 'Branch from 2', nextThoughtNeeded: true, thoughtNumber: 7, totalThoughts: 8, branchFromThought: 2, branchId: 'alt' },
  { thought: 'Second on the branch', nextThoughtNeeded: true, thoughtNumber: 8, totalThoughts: 8, branchFromThought: 2, branchId: 'alt' },
  { thought: 'Other branch', nextThoughtNeeded: true, thoughtNumber: 9, totalThoughts: 9, branchFromThought: 3, branchId: 'b2' },
  { thought: 'branchId without branchFromThought', nextThoughtNeeded: false, thoughtNumber: 10, totalThoughts: 10, branchId: 'lonely', needsMoreThoughts: false },
  { thought: 'missing fields' },
  { thought: 'zero', nextThoughtNeeded: true, thoughtNumber: 0, totalThoughts: 1 },
  { thought: 'string boolean', nextThoughtNeeded: 'true', thoughtNumber: 1, totalThoughts: 1 },
];
const results = [];
for (const args of calls) { const r = await rpc('tools/call', { name: 'sequentialthinking', arguments: args }); results.push({ arguments: args, response: r.result ?? null, error: r.error ?? null }); }
const out = { initialize: init.result, toolsList: list.result, calls: results };
console.log(JSON.stringify(out, null, 2));
child.kill();
