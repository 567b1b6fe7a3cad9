#!/usr/bin/env python3
"""Formats the rows written by scripts/bench/*.sh as Markdown tables, with ratios.

Input: a TSV of name, cores, input_bytes, wall_s, user_s, sys_s, peak_rss_kb, out_bytes.
MB are 10^6 bytes. "MB/s per CPU-s" = input bytes / (user + sys); "MB/s per core (wall)" =
input bytes / wall / cores. Ratios compare each pretext row against the zstd row and the
datatrove rows on MB/s per CPU-second.
"""

import sys


def main():
    rows = []
    with open(sys.argv[1]) as f:
        for line in f:
            name, cores, size, wall, user, sys_, rss, out = line.rstrip("\n").split("\t")
            cpu = float(user) + float(sys_)
            rows.append(dict(name=name, cores=int(cores), bytes=int(size), wall=float(wall),
                             cpu=cpu, user=float(user), sys=float(sys_), rss=int(rss),
                             out=int(out or 0)))
    print("| run | cores | wall s | user+sys s | MB/s per CPU-s | MB/s per core (wall) "
          "| peak RSS MiB | output MB | ratio in/out |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        mb = r["bytes"] / 1e6
        r["per_cpu"] = mb / r["cpu"] if r["cpu"] > 0 else float("nan")
        r["per_core_wall"] = mb / r["wall"] / r["cores"] if r["wall"] > 0 else float("nan")
        ratio = "%.2f" % (r["bytes"] / r["out"]) if r["out"] else "-"
        print("| %s | %d | %.2f | %.2f (%.2f + %.2f) | %.1f | %.1f | %.0f | %.1f | %s |" % (
            r["name"], r["cores"], r["wall"], r["cpu"], r["user"], r["sys"], r["per_cpu"],
            r["per_core_wall"], r["rss"] / 1024, r["out"] / 1e6, ratio))
    baselines = [r for r in rows if not r["name"].startswith("pretext")]
    pretexts = [r for r in rows if r["name"].startswith("pretext")]
    if baselines and pretexts:
        print()
        print("| ratio (MB/s per CPU-s; per core wall in brackets) | " +
              " | ".join(b["name"] for b in baselines) + " |")
        print("|---|" + "---:|" * len(baselines))
        for p in pretexts:
            cells = ["%.2f× (%.2f×)" % (p["per_cpu"] / b["per_cpu"], p["per_core_wall"] / b["per_core_wall"])
                     for b in baselines]
            print("| %s | %s |" % (p["name"], " | ".join(cells)))


if __name__ == "__main__":
    main()
