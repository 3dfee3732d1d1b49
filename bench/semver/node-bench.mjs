// node-semver 7.8.6 on the same inputs and operations as bench/src/main/java/dev/mcpver/bench/SemverBenchmark.java.
//
//   mkdir -p /tmp/semver-gen && (cd /tmp/semver-gen && npm install semver@7.8.6)
//   node bench/semver/node-bench.mjs --semver-dir /tmp/semver-gen [--warmup 3] [--rounds 5]
//
// Each benchmark: warm up for --warmup seconds, then --rounds rounds of one second; prints ops/s as
// mean ± half the min-max spread, plus min and max. One operation handles one input, cycling through the
// 16 inputs of a section, like the JMH benchmark.
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]])
  return acc
}, []))
const semverDir = path.resolve(args['semver-dir'] ?? '/tmp/semver-gen')
const warmupSeconds = Number(args.warmup ?? 3)
const rounds = Number(args.rounds ?? 5)
const require = createRequire(path.join(semverDir, 'package.json'))
const semver = require('semver')
if (require('semver/package.json').version !== '7.8.6') throw new Error('need semver 7.8.6')

const here = path.dirname(fileURLToPath(import.meta.url))
const text = readFileSync(path.join(here, '../src/main/resources/semver-bench-inputs.txt'), 'utf8')
const sections = {}
let current = null
for (const line of text.split('\n')) {
  if (line.startsWith('#') || line === '') continue
  if (line.startsWith('[') && line.endsWith(']')) sections[line.slice(1, -1)] = current = []
  else if (current) current.push(line === '""' ? [''] : line.split('\t'))
}
for (const [name, rows] of Object.entries(sections)) {
  if (rows.length !== 16) throw new Error(`${name} has ${rows.length} entries`)
}
const col = (rows, k) => rows.map(r => r[k])
const valid = col(sections.valid, 0)
const mixed = col(sections.mixed, 0)
const [compareA, compareB] = [col(sections.compare, 0), col(sections.compare, 1)]
const [satVersion, satRange] = [col(sections.satisfies, 0), col(sections.satisfies, 1)]
const parsedA = compareA.map(v => new semver.SemVer(v))
const parsedB = compareB.map(v => new semver.SemVer(v))
const parsedVersion = satVersion.map(v => new semver.SemVer(v))
const parsedRange = satRange.map(r => new semver.Range(r))

const freshRanges = Array.from({ length: 4096 }, (_, k) => {
  const [M, m, p] = [Math.floor(k / 6), k % 13, k % 7]
  switch (k % 6) {
    case 0: return `^${M}.${m}.${p}`
    case 1: return `~${M}.${m}`
    case 2: return `>=${M}.${m}.${p} <${M + 1}.0.0`
    case 3: return `${M}.x || ${M + 1}.x`
    case 4: return `${M}.${m}.${p} - ${M + 2}.${m}.${p}`
    default: return `>=${M}.${m}.${p}-rc.${p} <${M + 1}`
  }
})

let sink = 0
const consume = x => { if (x === sink) sink = 0; else sink = x }
let i = 0
let miss = 0
const benchmarks = {
  parseValid: () => { i = (i + 1) & 15; consume(new semver.SemVer(valid[i])) },
  parseMixed: () => { i = (i + 1) & 15; consume(semver.parse(mixed[i])) },
  compareStrings: () => { i = (i + 1) & 15; consume(semver.compare(compareA[i], compareB[i])) },
  compareParsed: () => { i = (i + 1) & 15; consume(parsedA[i].compare(parsedB[i])) },
  satisfiesStrings: () => { i = (i + 1) & 15; consume(semver.satisfies(satVersion[i], satRange[i])) },
  satisfiesParsed: () => { i = (i + 1) & 15; consume(parsedRange[i].test(parsedVersion[i])) },
  rangeParseMiss: () => { miss = (miss + 1) & 4095; consume(new semver.Range(freshRanges[miss]).range) },
}

const runFor = (fn, seconds) => {
  const end = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9))
  let ops = 0
  const start = process.hrtime.bigint()
  while (true) {
    for (let k = 0; k < 1000; k++) fn()
    ops += 1000
    const now = process.hrtime.bigint()
    if (now >= end) return ops / (Number(now - start) / 1e9)
  }
}

const only = args.only ? new Set(args.only.split(',')) : null
console.log(`node ${process.version}, semver 7.8.6, warmup ${warmupSeconds}s, ${rounds} x 1s`)
for (const [name, fn] of Object.entries(benchmarks)) {
  if (only && !only.has(name)) continue
  runFor(fn, warmupSeconds)
  const results = Array.from({ length: rounds }, () => runFor(fn, 1))
  const mean = results.reduce((a, b) => a + b, 0) / results.length
  const [min, max] = [Math.min(...results), Math.max(...results)]
  const fmt = x => Math.round(x).toLocaleString('en-US')
  console.log(`${name.padEnd(18)} ${fmt(mean).padStart(14)} ± ${fmt((max - min) / 2).padStart(12)} ops/s  (min ${fmt(min)}, max ${fmt(max)})`)
}
if (sink === 42) console.log('')
