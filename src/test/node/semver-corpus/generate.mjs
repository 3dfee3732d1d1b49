// Generates the differential corpus of node-semver 7.8.6 answers in the HTTP API shape of
// shared/docs/semver.md §1. See README.md next to this file for how to run it.
//
//   node generate.mjs --semver-dir /tmp/semver-gen [--scale 1] [--seed 20260621] > api-corpus.jsonl
//
// Deterministic: the same seed and scale give the same file.
import { createRequire } from 'node:module'
import path from 'node:path'

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]])
  return acc
}, []))
const semverDir = args['semver-dir'] ?? '/tmp/semver-gen'
const scale = Number(args.scale ?? 1)
const seed = Number(args.seed ?? 20260621)

const require = createRequire(path.join(path.resolve(semverDir), 'package.json'))
const semver = require('semver')
const semverVersion = require('semver/package.json').version
if (semverVersion !== '7.8.6') {
  throw new Error(`expected semver 7.8.6 in ${semverDir}, found ${semverVersion}`)
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness (mulberry32).
let state = seed >>> 0
const rand = () => {
  state = (state + 0x6d2b79f5) >>> 0
  let t = state
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const chance = p => rand() < p
const int = n => Math.floor(rand() * n)
const pick = list => list[int(list.length)]
const weighted = pairs => {
  const total = pairs.reduce((s, [w]) => s + w, 0)
  let r = rand() * total
  for (const [w, v] of pairs) {
    if ((r -= w) < 0) return typeof v === 'function' ? v() : v
  }
  return pairs[pairs.length - 1][1]
}

// ---------------------------------------------------------------------------------------------
// Input pools.
const SMALL = ['0', '0', '0', '1', '1', '1', '2', '2', '3', '4', '5', '9', '10', '11', '99', '100']
const BIG = ['2147483647', '2147483648', '4294967295', '4294967296', '9007199254740990',
  '9007199254740991', '9007199254740992', '9007199254740993', '10000000000000000',
  '90071992547409910', '99999999999999999999']
const PRE_IDS = ['alpha', 'beta', 'rc', 'pre', 'dev', '0', '0', '1', '1', '2', '3', '10', '11',
  'alpha1', 'alpha9', 'alpha10', 'R2', 'r2', 'r100', '--', '-', '-1', '0a', 'a0', 'x', 'X', '1e5',
  '1e-5', '0x10', '0b1', 'Infinity', 'beta-2', 'a-b-c']
const BIG_PRE_IDS = ['9007199254740990', '9007199254740991', '9007199254740992',
  '9007199254740993', '18446744073709551615', '18446744073709551616', '99999999999999999999']
const BAD_PRE_IDS = ['00', '01', '007', '', 'a_b', 'ä', 'a b']
const BUILDS = ['build', '001', 'sha.5114f85', 'a.b', 'exp-sha', '20130313144700', '0', '--', 'x.7.z.92']
const BAD_BUILDS = ['', 'a..b', 'a_b', '.a']
// Characters around inputs: JavaScript whitespace (trimmed) and look-alikes that are not (kept).
const WS = [' ', '  ', '\t', '\n', '\r\n', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a',
  '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff']
const NOT_WS = ['\u0001', '\u0000'.replace('\u0000', '\u001f'), '\u0085', '\u200b', '\u180e', '\u0008']

const component = () => weighted([[14, () => pick(SMALL)], [1, () => pick(BIG)]])
const preId = () => weighted([[30, () => pick(PRE_IDS)], [3, () => pick(BIG_PRE_IDS)], [1, () => pick(BAD_PRE_IDS)]])
const buildId = () => weighted([[20, () => pick(BUILDS)], [1, () => pick(BAD_BUILDS)]])
const ids = (gen, max) => Array.from({ length: 1 + int(max) }, gen).join('.')

const wrapWhitespace = s => {
  const left = chance(0.6) ? pick(WS) : ''
  const right = chance(0.6) ? pick(WS) : ''
  return weighted([[8, left + s + right], [1, pick(NOT_WS) + s], [1, s + pick(NOT_WS)]])
}

const mutateVersion = s => weighted([
  [3, () => s.split('.').slice(0, 2).join('.')],
  [2, () => s.replace(/^(\d)/, '0$1')],
  [2, () => s + '.4'],
  [2, () => s + '.'],
  [2, () => s + '-'],
  [2, () => s + '+'],
  [1, () => s.replace('.', '..')],
  [1, () => s.replace(/-/, '')],
  [1, () => '-' + s],
  [1, () => s.replace('.', ' .')],
  [1, () => s + ' ' + s],
  [1, () => s.toUpperCase()],
  [1, () => s.replace(/\d/, 'x')],
])

const genVersion = () => {
  let v = `${component()}.${component()}.${component()}`
  if (chance(0.45)) v += '-' + ids(preId, 3)
  if (chance(0.2)) v += '+' + ids(buildId, 2)
  if (chance(0.05)) v = mutateVersion(v)
  v = weighted([[85, ''], [10, 'v'], [2, '='], [1, 'V'], [1, 'vv'], [1, 'v ']]) + v
  if (chance(0.08)) v = wrapWhitespace(v)
  return v
}

// 256 is the limit on the raw input, whitespace included.
const lengthEdge = () => {
  const core = `1.2.3-${'a'.repeat(250)}`
  return pick([
    core, // 256
    core + 'b', // 257
    ` ${core.slice(0, 255)}`, // 256 raw, 255 trimmed
    ` ${core}`, // 257 raw
    `1.2.3+${'b'.repeat(250)}`, // 256 with build
    `1.2.3+${'b'.repeat(251)}`,
    `1.2.3-${'1'.repeat(249)}`, // numeric id, 255
    `v1.2.3-${'a'.repeat(250)}`, // 257 with the v
    `${'1'.repeat(254)}.0`,
    `1.2.3-${'a'.repeat(120)}.${'b'.repeat(129)}`,
  ])
}

const fixedVersions = [
  '1.2.3', 'v1.2.3', '=1.2.3', 'V1.2.3', ' 1.2.3 ', '\t1.2.3\n', '\u00a01.2.3\ufeff', '\u20281.2.3\u3000',
  '\u00011.2.3', '1.2.3\u0001', '\u00851.2.3', '\u200b1.2.3', '1.2', '1', '1.2.3.4', '01.2.3', '1.02.3',
  '1.2.03', '1.2.3-', '1.2.3+', '1.2.3-a..b', '1.2.3-01', '1.2.3-0', '1.2.3-00', '1.2.3-0a', '1.2.3--',
  '1.2.3-a_b', '1.2.3beta', 'a.b.c', '', ' ', '1.2.3 4', '1.2.3-alpha.1+build.5', '9007199254740991.0.0',
  '9007199254740992.0.0', '0.9007199254740991.9007199254740991', '0.0.9007199254740992',
  '2147483648.4294967296.0', '1.2.3-9007199254740990', '1.2.3-9007199254740991',
  '1.2.3-18446744073709551616', '99999999999999999999.0.0', '1.0.0-beta+exp.sha.5114f85',
  '1.0.0+20130313144700', '1.0.0-x.7.z.92', '1.0.0-alpha-a.b-c-somethinglong+build.1-aef.1-its-okay',
  '0.0.4', '10.20.30', '1.1.2-prerelease+meta', '1.0.0-rc.1+build.1', '2.0.0-rc.1+build.123',
  '1.2.3----RC-SNAPSHOT.12.9.1--.12+788', '1.0.0+0.build.1-rc.10000aaa-kk-0.1', '1.2.3-ü', '1.2.3-@',
  '+justmeta', '1.2.3+a+b', 'v 1.2.3', ' v1.2.3', 'vv1.2.3', '1.2.3 ', ' \t\n1.2.3\r\n',
]

// ---------------------------------------------------------------------------------------------
// Ranges.
const partial = () => weighted([
  [3, () => component()],
  [3, () => `${component()}.${component()}`],
  [2, () => `${component()}.${pick(['x', 'X', '*'])}`],
  [2, () => `${component()}.${component()}.${pick(['x', 'X', '*'])}`],
  [1, () => pick(['x', 'X', '*', 'x.x', '*.*.*', 'x.x.x'])],
  [1, () => `${component()}.${pick(['x', '*'])}.${pick(['x', 'X', '1', '5'])}`],
  [1, () => `${pick(['x', '*'])}.${component()}`],
])
const fullVersion = () => {
  let v = `${component()}.${component()}.${component()}`
  if (chance(0.35)) v += '-' + ids(() => weighted([[30, () => pick(PRE_IDS)], [1, () => pick(BIG_PRE_IDS)]]), 2)
  if (chance(0.1)) v += '+' + ids(() => pick(BUILDS), 2)
  return v
}
const anyVersionish = () => weighted([[3, fullVersion], [2, partial]])
const prefix = () => weighted([[20, ''], [2, 'v'], [2, '='], [1, '=v'], [1, 'v='], [1, '=='], [1, 'vv']])
const opSpace = () => weighted([[12, ''], [3, ' '], [1, '  '], [1, '\t'], [1, '\u00a0']])
const OPS = ['>', '>=', '<', '<=', '=', '']
const INVALID_TOKENS = ['&&', 'latest', 'next', 'beta', '[1.0,2.0)', '(,1.0]', '[1.0]', '!1.2.3', '=>1.2.3',
  '=<1.2.3', '>>1', '<<1', '>', '>=', '<=', '<', '~', '^', '~>', '-', '--', '1.2.3.4', '01.2.3', '1.2.3-01',
  '1.x.5', 'x.1', '*.1', '1.*.2', 'a', '1.2.3-', '1.2.3+', '^1.x.5', '~1.x.5', '>x.2', '<=1.x.3', '*1.2.3',
  '1.2.3*', '>*1.2.3', '**', '^^1', '~~1', '~^1', '^~1', '1.2.3,1.3.0', '1.2.3;', 'v1.2', '1.2v', '≥1.2.3',
  '1.2.3_4', '@1.2.3', 'npm:1.2.3', '1.2.3-?', '||', '| |', '|']

const comparator = () => weighted([
  [5, () => `^${opSpace()}${prefix()}${anyVersionish()}`],
  [4, () => `~${opSpace()}${prefix()}${anyVersionish()}`],
  [2, () => `~>${opSpace()}${prefix()}${anyVersionish()}`],
  [6, () => `${pick(OPS)}${opSpace()}${prefix()}${anyVersionish()}`],
  [3, () => `${prefix()}${anyVersionish()}`],
  [1, () => pick(['*', 'x', 'X', '', '>=0.0.0', '>=0.0.0-0', '<0.0.0-0', '<0.0.0', '>=*', '<*', '>X', '<x', '<=*', '^*', '~*'])],
  [1, () => pick(INVALID_TOKENS)],
])

const hyphen = () => `${prefix()}${anyVersionish()}${pick([' - ', ' - ', ' - ', ' -  ', '  -  ', ' \t- ', '-', ' -', '- '])}${prefix()}${anyVersionish()}`

const comparatorSet = () => weighted([
  [4, () => hyphen()],
  [14, () => Array.from({ length: 1 + int(3) }, comparator).join(pick([' ', ' ', ' ', '  ', '\t', '\u00a0', '\n']))],
  [1, () => ''],
])

const mutateChars = s => {
  const alphabet = ['.', ' ', '-', '+', '*', 'x', '^', '~', '>', '<', '=', '|', 'v', '0', '1', '9', 'a', '\t']
  const at = int(s.length + 1)
  return weighted([
    [2, () => s.slice(0, at) + pick(alphabet) + s.slice(at)],
    [2, () => s.slice(0, at) + s.slice(at + 1)],
    [1, () => s.slice(0, at) + pick(alphabet) + s.slice(at + 1)],
  ])
}

const genRange = () => {
  const sets = weighted([[70, 1], [22, 2], [8, 3]])
  let r = Array.from({ length: sets }, comparatorSet).join(pick(['||', ' || ', ' ||', '|| ', ' || ', '  ||  ']))
  if (chance(0.08)) r = mutateChars(r)
  if (chance(0.06)) r = wrapWhitespace(r)
  return r
}

const fixedRanges = [
  '^1.2.3', '^0.2.3', '^0.0.3', '^0', '^0.x', '^0.0', '^0.0.x', '^1.2.3-beta.2', '~1.2.3', '~1.2', '~>1.2',
  '1.2', '1.x', '1.X', '1.*', '1', '*', 'x', 'X', '', '1.2.3 - 2.3.4', '1.2 - 2.3', '1.2.3 - x', '>1.2',
  '<=1.2', '<1.2', '>= 1.2.3', '=1.2.3', 'v1.2.3', '>=1.2.3+b', '1.x+build', '1.x || 2.x', '1 ||', '||',
  '<X', '>X', '<*', '>=1.2.3 &&', '>=1.2.3 <2', '>=1.2.3-rc.1 <2', '^9007199254740991.0.0',
  '=9007199254740991.0.0', '^9007199254740990.0.0', '~9007199254740991.0.0', '<=9007199254740991.x',
  '1.2.3 - 9007199254740991.x', '>9007199254740991', '1.x.5', 'x.1', '1.2.3 - x.5', '1.x.5 - 2',
  '=1.2.3 - 2.0.0', 'v 1.2.3 - 2', '>= v 1.2.3', '>= v1.2.3', '^x.1', '*1.2.3', '1.2.3*', '>*1.2.3',
  '==1.x', '=v1.2.3', 'v=1.2.3', '==1.2.3', '~> 1.2', '~ > 1.2', 'x.x.x-beta', '1.2.3 +b - 2', '>=0.0.0',
  '>=0.0.0 <1', '<0.0.0-0 || 1', '1 || <X', '^ 1.2.3', '> 1.2.3 < 2', '1.2.3-beta+b - 2.x+c',
  '>=1.2.3 >=1.2.3', '* 1.2.3', '1.2.3 *', '^1.2.3 ~1.2', 'x - 1.2', '1.2.3 - x.x.x', '1.2.3 - 1.2.3-pre',
  '>=*', '^*', '~*', '<=*', '>x.2', '=', '>', '  ', '\u00a0', '1.2.3\u0001', '\ufeff^1.2.3\ufeff',
  '\u2028~1.2\u2029', '1.2.3\u200b', 'latest', '[1.0,2.0)', '>=1.0.0 || latest', '1.2.3 - 2.3.4 - 5',
  '1.2.3 -', '- 1.2.3', '1.2.3 || || 2', '>= 1.2.3 < 2.0.0', '>=   1.2.3', '~1.2.3-beta.2',
  '^1.2.3-alpha.1 || ^2.0.0-rc.0', `^1.2.3-${'a'.repeat(250)}`, `^1.2.3-${'a'.repeat(251)}`,
  `x.x.x-${'a'.repeat(251)}`, `x.x.x-${'a'.repeat(252)}`, `>=1.2.3+${'b'.repeat(300)}`,
  `1.2.3-${'a'.repeat(249)} - 2`, '>=1.0.0 <1.0.0', '>2 <1', '<0.0.0', '<0.0.0-0', '>=0.0.0-0',
  '^0.0.0', '~0.0.0', '0.0.0', '^0.0.0-0', '~0.0.0-0', '1.2.3-pre.1 - 1.2.3-pre.5', '^1.2.x-beta',
  '~1.2.x-beta', '1.2.x-beta', '=1.x', '<=1.x', '>1.x', '>=1.x', '<1.x', '<=1', '>1', '<1', '>=1',
]

// ---------------------------------------------------------------------------------------------
// Node answers in the API shape.
const isValidVersion = v => typeof v === 'string' && semver.valid(v) !== null
const isValidRange = r => typeof r === 'string' && semver.validRange(r) !== null

const cases = []
const seen = new Set()
const counters = {}
const push = (category, method, endpoint, input, answer) => {
  const key = JSON.stringify([category, endpoint, input])
  if (seen.has(key)) return false
  seen.add(key)
  counters[category] = (counters[category] ?? 0) + 1
  const id = `${category}-${String(counters[category]).padStart(4, '0')}`
  const c = { id, category, method, path: `/api/v1/semver/${endpoint}` }
  if (method === 'GET') c.query = input
  else c.body_in = input
  c.status = answer === null ? 400 : 200
  if (answer !== null) c.body = answer
  cases.push(c)
  return true
}

const parseAnswer = version => {
  const v = isValidVersion(version) ? semver.parse(version) : null
  return v === null ? null : {
    valid: true, version: v.version, major: v.major, minor: v.minor, patch: v.patch,
    prerelease: v.prerelease, build: v.build,
  }
}
const compareAnswer = (a, b) => isValidVersion(a) && isValidVersion(b) ? { result: semver.compare(a, b) } : null
const satisfiesAnswer = (version, range) =>
  isValidVersion(version) && isValidRange(range) ? { satisfies: semver.satisfies(version, range) } : null
const rangeAnswer = range => isValidRange(range) ? { valid: true, normalized: semver.validRange(range) } : null
const resolveAnswer = (range, versions) => {
  if (!isValidRange(range) || !Array.isArray(versions) || !versions.every(v => typeof v === 'string')) return null
  return {
    max: semver.maxSatisfying(versions, range),
    min: semver.minSatisfying(versions, range),
    matching: versions.filter(v => semver.satisfies(v, range)),
  }
}
const BUMPS = ['major', 'premajor', 'minor', 'preminor', 'patch', 'prepatch', 'prerelease']
const nextAnswer = (version, bump, preid) => {
  if (!isValidVersion(version) || !BUMPS.includes(bump)) return null
  const result = preid === undefined ? semver.inc(version, bump) : semver.inc(version, bump, preid)
  // Deliberate: node can return a string it cannot parse itself (a component above 2^53-1 after a bump,
  // or more than 256 characters with a long preid). The API only returns valid versions, so that is a 400.
  if (result === null || semver.valid(result) === null) return null
  return { version: result }
}
const diffAnswer = (a, b) => isValidVersion(a) && isValidVersion(b) ? { diff: semver.diff(a, b) } : null

// ---------------------------------------------------------------------------------------------
// Version-related helpers to produce interesting satisfies pairs.
const versionsNear = range => {
  const normalized = semver.validRange(range)
  const found = normalized ? normalized.match(/\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?/g) ?? [] : []
  const base = found.length ? semver.parse(pick(found)) : null
  if (!base) return genVersion()
  const [M, m, p] = [base.major, base.minor, base.patch]
  return weighted([
    [4, () => base.version],
    [3, () => `${M}.${m}.${p}-${ids(preId, 2)}`],
    [2, () => `${M}.${m}.${p + 1}`],
    [2, () => `${M}.${m + 1}.0`],
    [2, () => `${M + 1}.0.0`],
    [2, () => `${M + 1}.0.0-${pick(['0', 'rc.1', 'alpha'])}`],
    [2, () => `${M}.${m + 1}.0-${pick(['0', 'rc.1', 'alpha'])}`],
    [1, () => p > 0 ? `${M}.${m}.${p - 1}` : `${M}.${m}.${p}-0`],
    [1, () => m > 0 ? `${M}.${m - 1}.9` : `${M}.${m}.${p}+build`],
    [1, () => genVersion()],
  ])
}

const target = n => Math.round(n * scale)
const fill = (category, n, make) => {
  let guard = 0
  const start = counters[category] ?? 0
  while ((counters[category] ?? 0) - start < target(n) && guard++ < target(n) * 50) make()
}

// parse
fixedVersions.forEach(v => push('parse', 'GET', 'parse', { version: v }, parseAnswer(v)))
for (let i = 0; i < 10; i++) { const v = lengthEdge(); push('parse', 'GET', 'parse', { version: v }, parseAnswer(v)) }
fill('parse', 680, () => { const v = genVersion(); push('parse', 'GET', 'parse', { version: v }, parseAnswer(v)) })

// compare: random pairs, plus pairs that share main parts so prerelease ordering decides
fill('compare', 950, () => {
  let a = genVersion()
  let b = genVersion()
  if (chance(0.5)) {
    const pa = semver.parse(a)
    if (pa) b = `${pa.major}.${pa.minor}.${pa.patch}${chance(0.8) ? '-' + ids(preId, 3) : ''}${chance(0.2) ? '+' + pick(BUILDS) : ''}`
  }
  if (chance(0.05)) a = b
  push('compare', 'GET', 'compare', { a, b }, compareAnswer(a, b))
})

// range
fixedRanges.forEach(r => push('range', 'GET', 'range', { range: r }, rangeAnswer(r)))
fill('range', 560, () => { const r = genRange(); push('range', 'GET', 'range', { range: r }, rangeAnswer(r)) })

// satisfies
fixedRanges.forEach(r => {
  const v = versionsNear(r)
  push('satisfies', 'GET', 'satisfies', { version: v, range: r }, satisfiesAnswer(v, r))
})
fill('satisfies', 1500, () => {
  const r = genRange()
  const v = chance(0.85) ? versionsNear(r) : genVersion()
  push('satisfies', 'GET', 'satisfies', { version: v, range: r }, satisfiesAnswer(v, r))
})

// resolve
fill('resolve', 360, () => {
  const r = chance(0.2) ? pick(fixedRanges) : genRange()
  const versions = Array.from({ length: int(9) }, () => (chance(0.7) ? versionsNear(r) : genVersion()))
  if (versions.length && chance(0.3)) {
    const v = semver.parse(pick(versions))
    if (v) versions.splice(int(versions.length + 1), 0, pick([`v${v.version}`, `${v.version}+dup`, ` ${v.version}`, v.version]))
  }
  push('resolve', 'POST', 'resolve', { range: r, versions }, resolveAnswer(r, versions))
})

// next
const PREIDS = [undefined, undefined, undefined, 'alpha', 'beta', 'rc', 'alpha.beta', 'rc.1', 'beta.1',
  '0', '1', '01', '', 'a..b', 'a+b', 'invalid/preid', '1e5', 'foo bar', '-', 'alpha.0', 'x.y.z', 'dev',
  'a'.repeat(240), '9007199254740991']
fill('next', 600, () => {
  const v = chance(0.15) ? pick(['9007199254740991.9007199254740991.9007199254740991',
    '1.2.3-9007199254740990', '1.2.3-9007199254740991', '1.2.3-beta.1e5', '1.2.3-beta.foo',
    '1.2.3-beta.0x1f', '1.2.3-alpha.0.beta', '2.0.0-1', '1.2.0-1', '1.2.4-alpha', '0.0.0-0',
    '1.2.3+build.5', 'v1.2.3', '1.2.3-beta.Infinity', '1.2.3-beta.-1']) : genVersion()
  const bump = weighted([[40, () => pick(BUMPS)], [1, 'release'], [1, 'fake'], [1, 'MAJOR'], [1, ''], [1, ' major']])
  const preid = pick(PREIDS)
  const query = { version: v, bump }
  if (preid !== undefined) query.preid = preid
  push('next', 'GET', 'next', query, nextAnswer(v, bump, preid))
})

// diff: random pairs plus near pairs
fill('diff', 460, () => {
  let a = genVersion()
  let b = genVersion()
  const pa = semver.parse(a)
  if (pa && chance(0.6)) {
    b = weighted([
      [2, () => `${pa.major}.${pa.minor}.${pa.patch}`],
      [2, () => `${pa.major}.${pa.minor}.${pa.patch}-${ids(preId, 2)}`],
      [1, () => semver.inc(pa.version, pick(BUMPS)) ?? a],
      [1, () => `${pa.major}.${pa.minor}.${pa.patch}+${pick(BUILDS)}`],
    ])
  }
  if (chance(0.5)) [a, b] = [b, a]
  push('diff', 'GET', 'diff', { a, b }, diffAnswer(a, b))
})

// errors: each endpoint with invalid or missing input (every one is a 400)
const badVersion = () => pick(['1.2', 'foo', '', ' ', '01.2.3', '=1.2.3', 'V1.2.3', '1.2.3.4', '1.2.3-01',
  '\u00011.2.3', '9007199254740992.0.0', `1.2.3-${'a'.repeat(251)}`, ' '.repeat(254) + '1.2', 'latest'])
const badRange = () => pick(['>=1.2.3 &&', 'latest', '1.x.5', 'x.1', '[1.0,2.0)', '>', '>=', '1.2.3 -',
  '^9007199254740991.0.0', '>= v 1.2.3', '==1.2.3', '1.2.3 - 2.3.4 - 5', '~1.2.3.4', '>=1.2.3 || foo'])
const errorMakers = [
  () => ['parse', { version: badVersion() }],
  () => ['parse', {}],
  () => ['compare', { a: badVersion(), b: genVersion() }],
  () => ['compare', { a: genVersion(), b: badVersion() }],
  () => ['compare', { a: '1.2.3' }],
  () => ['satisfies', { version: badVersion(), range: '^1.2.3' }],
  () => ['satisfies', { version: '1.2.3', range: badRange() }],
  () => ['satisfies', { version: '1.2.3' }],
  () => ['range', { range: badRange() }],
  () => ['range', {}],
  () => ['resolve', { range: badRange(), versions: ['1.2.3'] }],
  () => ['resolve', { range: '^1.2.3', versions: '1.2.3' }],
  () => ['resolve', { range: '^1.2.3', versions: ['1.2.3', 4] }],
  () => ['resolve', { range: 1, versions: [] }],
  () => ['resolve', { versions: ['1.2.3'] }],
  () => ['next', { version: badVersion(), bump: 'major' }],
  () => ['next', { version: '1.2.3', bump: pick(['release', 'fake', 'Major', '', 'pre']) }],
  () => ['next', { version: '1.2.3', bump: pick(['premajor', 'preminor', 'prepatch', 'prerelease']), preid: pick(['01', 'a..b', 'a+b', 'foo bar', '.', 'ü']) }],
  () => ['next', { version: '9007199254740991.0.0', bump: 'major' }],
  () => ['next', { bump: 'major' }],
  () => ['diff', { a: badVersion(), b: '1.2.3' }],
  () => ['diff', { a: '1.2.3' }],
]
const answerFor = (endpoint, q) => {
  switch (endpoint) {
    case 'parse': return 'version' in q ? parseAnswer(q.version) : null
    case 'compare': return 'a' in q && 'b' in q ? compareAnswer(q.a, q.b) : null
    case 'satisfies': return 'version' in q && 'range' in q ? satisfiesAnswer(q.version, q.range) : null
    case 'range': return 'range' in q ? rangeAnswer(q.range) : null
    case 'resolve': return resolveAnswer(q.range, q.versions)
    case 'next': return 'version' in q && 'bump' in q ? nextAnswer(q.version, q.bump, q.preid) : null
    case 'diff': return 'a' in q && 'b' in q ? diffAnswer(q.a, q.b) : null
  }
  throw new Error(endpoint)
}
fill('errors', 130, () => {
  const [endpoint, input] = pick(errorMakers)()
  const answer = answerFor(endpoint, input)
  if (answer !== null) throw new Error(`expected a 400 for ${endpoint} ${JSON.stringify(input)}`)
  push('errors', endpoint === 'resolve' ? 'POST' : 'GET', endpoint, input, null)
})

// Non-ASCII and DEL are written as \uXXXX escapes (only possible inside strings), so the file stays
// ASCII and invisible characters such as U+00A0 or U+FEFF are visible in diffs.
const asciiJson = value => JSON.stringify(value)
  .replace(/[\u007f-\uffff]/g, ch => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'))
for (const c of cases) process.stdout.write(asciiJson(c) + '\n')
process.stderr.write(`${cases.length} cases: ${JSON.stringify(counters)}\n`)
