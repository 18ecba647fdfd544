"""Fuzzing the recording readers: hypothesis-generated exports (valid Sensor Logger CSV / zip / JSON variants of
every layout, CoreMotion and MetaWear files, each corrupted by up to two of `recordings.CORRUPTIONS` or not) read
by `read_recording`. Every outcome must be a Recording that passes `fuzz_outcome`'s checks or a `RecordingError`
naming its file: anything else is a crash. Prints a table and writes bench/results/recordings_fuzz.json.

    OMP_NUM_THREADS=1 .venv/bin/python bench/recordings_fuzz.py [--cases 10000] [--seed 0]
"""
import argparse, os, platform, time
from collections import Counter
from pathlib import Path
from hypothesis import given, settings, HealthCheck, Phase, seed as hyp_seed
from quantumleap_pose.recordings import fuzz_exports, fuzz_outcome, CORRUPTIONS
from common import write_json

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--cases', type=int, default=10_000)
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--json', default=str(Path(__file__).parent / 'results' / 'recordings_fuzz.json'))
    a = ap.parse_args()
    outcomes, by_op, crashes = Counter(), Counter(), []

    @hyp_seed(a.seed)
    @settings(max_examples=a.cases, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(fuzz_exports())
    def case(c):
        label, src = c
        o = fuzz_outcome(src)
        outcomes['crash' if o.startswith('crash') else o] += 1
        for op in label.split(' + ')[1:] or ['(valid)']: by_op[op, 'ok' if o == 'ok' else 'error' if o.startswith('error') else 'crash'] += 1
        if o.startswith('crash') and len(crashes) < 20: crashes.append(dict(case=label, outcome=o))

    t = time.perf_counter()
    case()
    secs = time.perf_counter() - t
    n = sum(outcomes.values())
    print(f'recordings fuzz: {n} cases in {secs:.0f} s ({1000 * secs / n:.1f} ms each), seed {a.seed}, OMP_NUM_THREADS={os.environ.get("OMP_NUM_THREADS")}')
    print(f'{"outcome":<22}{"cases":>8}{"share":>8}')
    for k, v in sorted(outcomes.items(), key=lambda kv: -kv[1]): print(f'{k:<22}{v:>8}{v / n:>8.1%}')
    print(f'\n{"corruption":<20}{"ok":>7}{"error":>7}{"crash":>7}')
    for op in ('(valid)',) + CORRUPTIONS:
        print(f'{op:<20}' + ''.join(f'{by_op[op, k]:>7}' for k in ('ok', 'error', 'crash')))
    for c in crashes: print('CRASH', c)
    write_json(a.json, dict(benchmark='recordings_fuzz', cases=n, crashes=outcomes['crash'], seconds=round(secs, 1), seed=a.seed,
                            outcomes=dict(outcomes), error_kinds={k[len('error: '):]: v for k, v in outcomes.items() if k.startswith('error')},
                            by_corruption={op: {k: by_op[op, k] for k in ('ok', 'error', 'crash')} for op in ('(valid)',) + CORRUPTIONS},
                            crash_examples=crashes, machine=platform.machine(), python=platform.python_version()))

if __name__ == '__main__': main()
