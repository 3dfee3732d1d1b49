#!/usr/bin/env python3
"""Time from spawning `mcpver mcp` to the `initialize` answer on stdout, as an MCP host sees it.

Usage (repository root, after `mvn package`):
  bench/mcp/stdio_startup.py [--runs 20] [--warmup 2] [--label NAME] -- java [JVM flags] -jar target/mcpver.jar mcp

Prints one line per configuration: min / median / p90 wall milliseconds to the answer, and the median CPU time
(user+sys) the child used until it exited after stdin closed. CPU time is robust against other load on the
machine; wall time is what the user waits for.
"""
import argparse, json, os, resource, statistics, subprocess, tempfile, time

INITIALIZE = json.dumps({
    "jsonrpc": "2.0", "id": 1, "method": "initialize",
    "params": {"protocolVersion": "2025-06-18", "capabilities": {},
               "clientInfo": {"name": "bench", "version": "1"}}}) + "\n"


def once(command, db):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    child = subprocess.Popen(command + ["--db", db], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, env={**os.environ, "MCPVER_LOG_LEVEL": "warn"})
    child.stdin.write(INITIALIZE.encode())
    child.stdin.flush()
    line = child.stdout.readline()
    answered = (time.perf_counter() - started) * 1000
    if b'"result"' not in line:
        raise SystemExit(f"no initialize result: {line!r}")
    child.stdin.close()
    child.wait(timeout=60)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return answered, cpu, child.returncode


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--label", default="")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    with tempfile.TemporaryDirectory() as scratch:
        db = os.path.join(scratch, "bench.db")
        for _ in range(args.warmup):
            once(command, db)  # also migrates the database once, as a host's second session would find it
        walls, cpus = [], []
        for _ in range(args.runs):
            wall, cpu, code = once(command, db)
            if code != 0:
                raise SystemExit(f"exit code {code}")
            walls.append(wall)
            cpus.append(cpu)
    walls.sort()
    p90 = walls[min(len(walls) - 1, int(round(0.9 * (len(walls) - 1))))]
    print(f"{args.label or ' '.join(command)}: initialize answered min {walls[0]:.0f} ms, "
          f"median {statistics.median(walls):.0f} ms, p90 {p90:.0f} ms; "
          f"child CPU median {statistics.median(cpus):.0f} ms (n={len(walls)}); load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
