#!/bin/bash
# Trains every model of bench/compare.py at one budget (STEPS steps x the mvm preset's batch of 32 windows, same
# data, split, schedule shape and seed), then exports each to runs/cmp/models. Two queues of one thread each
# keep both cores busy; each run resumes from its last checkpoint when started again.
#
#     STEPS=2000 bash bench/train_compare.sh        # then: bench/compare.py (its docstring has the command)
#
# EXTRA holds overrides given to every run, e.g. the shipped MVM's data:
#     EXTRA="data=data/mvm_real data_preset=mvm_real" STEPS=1500 bash bench/train_compare.sh
set -u
cd "$(dirname "$0")/.."
export OMP_NUM_THREADS=1 MUJOCO_GL=egl WANDB_MODE=offline
STEPS=${STEPS:-2000}; OUT=${OUT:-runs/cmp}; EXTRA=${EXTRA:-}
mkdir -p $OUT/models
queue() {   # NAME:PRESET ... trained one after another
  for item in "$@"; do
    name=${item%%:*}; preset=${item##*:}
    [ -f $OUT/models/$name.safetensors ] && continue
    resume=""; [ -f $OUT/$name/last.pt ] && resume=--resume
    .venv/bin/qlpose train --preset $preset --out $OUT/$name $resume max_steps=$STEPS threads=1 name=$name $EXTRA > $OUT/$name.out 2>&1 &&
      .venv/bin/qlpose export --run $OUT/$name --name $name --dest $OUT/models >> $OUT/$name.out 2>&1
    echo "$(date -Is) $name: exit $? (log $OUT/$name.out)"
  done
}
queue baseline_mobileposer:baseline_mobileposer ablation_deterministic:ablation_deterministic &
queue baseline_transpose:baseline_transpose hdt:mvm ablation_no_physics:ablation_no_physics &
wait
