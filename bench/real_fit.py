"""Is a model's error on real motion a failure to fit it or to generalise from it? Its error on the real-motion
sequences of its own training split (every K-th) against those of its validation and test splits, whole body and lower
body, with coverage_90, overall and per CMU subject, of the network's own poses (no measurement update). Prints a table and writes bench/results/real_fit.json.

    OMP_NUM_THREADS=2 .venv/bin/python bench/real_fit.py --data DATA [--model mvm] [--every 12]

DATA is the model's training dataset (its card's `dataset.path`, regenerated with `qlpose generate --preset mvm_real
--mocap ../shared/data/cmu-train/clips --out DATA --workers 2 --seed 0` on a fresh machine).
"""
import argparse, json
from pathlib import Path
import h5py
import numpy as np
from quantumleap_pose import load_model
from quantumleap_pose.files import sha256
from quantumleap_pose.dataset import open_dataset, run_split
from quantumleap_pose.evaluation import coverage, evaluate_dataset
from quantumleap_pose.real_motion import LOWER_BODY
from common import write_json

def subjects(path: str) -> np.ndarray:
    "(N,) the CMU subject each sequence's real motion came from; -1 for a synthesised one."
    man, out = open_dataset(path, verify=False), []
    for s in man['shards'].values():
        with h5py.File(Path(path) / s['file'], 'r') as f: out += [json.loads(m).get('source', {}).get('subject', -1) for m in f['meta'][()]]
    return np.array(out, int)

def scores(model, path: str, seqs, refine: bool = True) -> dict:
    "Per-sequence errors (mm) of `model` on sequences `seqs` (one window each, as `evaluate_dataset` runs them) and the arrays coverage needs."
    _, a = evaluate_dataset(model, path, seqs, refine=refine)
    e = 1000 * np.linalg.norm(a['pose_mean'] - a['joints'], axis=-1)           # (N, T, J)
    return dict(all=e.mean((1, 2)), lower=e[..., LOWER_BODY].mean((1, 2)), mean=a['pose_mean'], var=a['pose_var'], true=a['joints'])

def row(name: str, s: dict, f=slice(None)) -> dict:
    return dict(part=name, n=int(len(s['all'][f])), mpjpe_mm=round(float(s['all'][f].mean()), 1), lower_body_mm=round(float(s['lower'][f].mean()), 1),
                coverage_90=round(coverage(s['mean'][f], s['var'][f], s['true'][f]), 3))

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--data', required=True, help="the model's training dataset folder")
    ap.add_argument('--model', default='mvm')
    ap.add_argument('--every', type=int, default=12, help='every K-th real-motion training sequence')
    ap.add_argument('--min', type=int, default=15, help='sequences a subject needs for a row of its own')
    ap.add_argument('--json', default=str(Path(__file__).parent / 'results' / 'real_fit.json'))
    a = ap.parse_args()
    m = load_model(a.model)
    split, subj = run_split(dict(m.card['training']['config'], data=a.data)), subjects(a.data)
    train = split['train'][subj[split['train']] >= 0][::a.every]
    held = np.sort(np.r_[split['val'], split['test']]); held = held[subj[held] >= 0]
    st, sh = scores(m, a.data, train, refine=False), scores(m, a.data, held, refine=False)   # what the network learnt, before any update
    rows = [row(f'train (every {a.every}th)', st), row('val + test', sh)]
    for u in np.unique(subj[held]):
        f = subj[held] == u
        if f.sum() >= a.min: rows.append(row(f'  subject {u} (train n {int((subj[split["train"]] == u).sum())})', sh, f))
    print(f'{"real-motion sequences":<34}{"n":>5}{"MPJPE":>8}{"lower":>8}{"cov90":>7}')
    for r in rows: print(f'{r["part"]:<34}{r["n"]:>5}{r["mpjpe_mm"]:>8}{r["lower_body_mm"]:>8}{r["coverage_90"]:>7}')
    write_json(a.json, dict(model=a.model, manifest_sha256=sha256(Path(a.data) / 'manifest.json'), card_manifest_sha256=m.card['dataset']['manifest_sha256'], rows=rows))

if __name__ == '__main__': main()
