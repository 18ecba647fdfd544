"""Packaging: a built wheel carries every module nbdev exports (the `include` pattern in pyproject.toml)."""
import subprocess, sys, zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

def test_wheel_contains_every_module(tmp_path):
    subprocess.run([sys.executable, '-m', 'pip', 'wheel', '-q', '--no-deps', '--no-build-isolation', str(ROOT),
                    '-w', str(tmp_path)], check=True, capture_output=True)
    wheel, = tmp_path.glob('quantumleap_pose-*.whl')
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / 'quantumleap_pose').rglob('*.py')}
    assert modules, 'no modules found'
    assert modules <= names, f'missing from the wheel: {sorted(modules - names)}'
    assert any(n.endswith('entry_points.txt') and 'qlpose' in zipfile.ZipFile(wheel).read(n).decode() for n in names)
    assert {'quantumleap_pose/assets/mvm.safetensors', 'quantumleap_pose/assets/mvm.json'} <= names, 'the shipped model is missing from the wheel'
