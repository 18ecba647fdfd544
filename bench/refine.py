"""What the measurement update (`measurement.tilt_update`, `predict(..., refine=True)`) does, against the network alone
measured in the same run: MPJPE, lower-body MPJPE and coverage_90 on the model's held-out test sequences (every K-th),
real-motion and synthesised apart, and on the real CMU evaluation clips per device combination. Prints a table and
writes bench/results/refine.json.

    cd bench && OMP_NUM_THREADS=2 ../.venv/bin/python refine.py --data DATA [--model mvm] [--every 4] [--mocap ../../shared/data/cmu]

DATA is the model's training dataset (as for `real_fit.py`); the clips are skipped, saying so, where absent.
"""
import argparse
from pathlib import Path
from quantumleap_pose import load_model
from quantumleap_pose.files import sha256
from quantumleap_pose.dataset import run_split
from quantumleap_pose.real_motion import evaluate_mocap
from common import write_json
from real_fit import subjects, scores, row

DEVICES = (('pocket_R',), ('pocket_R', 'watch_L'), ('pocket_R', 'watch_L', 'earbud'), ('armband_L',))
CLIPS = ('cmu_13_29', 'cmu_14_27_daz')

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--data', required=True, help="the model's training dataset folder")
    ap.add_argument('--model', default='mvm')
    ap.add_argument('--every', type=int, default=4, help='every K-th held-out test sequence (default 4)')
    ap.add_argument('--mocap', default='../../shared/data/cmu', help='folder of the real CMU evaluation clips')
    ap.add_argument('--json', default='results/refine.json')
    a = ap.parse_args()
    model = load_model(a.model)
    split, seqs = 'test', run_split(dict(model.card['training']['config'], data=a.data))['test'][::a.every]   # the run's split of DATA
    real = subjects(a.data)[seqs] >= 0
    rows = []
    for refine in (False, True):
        sc = scores(model, a.data, seqs, refine)
        for part, keep in (('real motion', real), ('synthesised', ~real)):
            r = row(f'{split} {part}', sc, keep)
            rows.append(dict(where=r.pop('part'), devices='as drawn', refine=refine, lower_body_mm=r.pop('lower_body_mm'), **r))
    clips = [Path(a.mocap) / f'{c}.bvh' for c in CLIPS]
    if all(c.exists() for c in clips):
        for c in clips:
            for d in DEVICES:
                for refine in (False, True):
                    m = evaluate_mocap(model, c, d, refine=refine)['all']
                    rows.append(dict(where=c.stem, devices='+'.join(d), refine=refine, n=m['n_frames'], mpjpe_mm=round(m['mpjpe_mm'], 1),
                                     lower_body_mm=round(m['lower_body_mpjpe_mm'], 1), coverage_90=round(m['coverage_90'], 3)))
    else: print(f'real clips not found in {a.mocap}: skipped')
    print(f"{'where':<22}{'devices':<26}{'':>8}{'n':>8}{'mpjpe':>8}{'lower':>8}{'cov90':>8}")
    for r in rows: print(f"{r['where']:<22}{r['devices']:<26}{'update' if r['refine'] else 'network':>8}{r['n']:>8}{r['mpjpe_mm']:>8}{r['lower_body_mm']:>8}{r['coverage_90']:>8}")
    write_json(a.json, dict(model=a.model, data_manifest_sha256=sha256(Path(a.data) / 'manifest.json'), split=split, every=a.every,
                            gain=model.card.get('calibration', {}).get('disagreement', {}).get('gain', 0.), rows=rows))

if __name__ == '__main__': main()
