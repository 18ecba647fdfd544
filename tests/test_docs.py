"""The offline docs (`make docs`, run by `make test` before these tests) opened in a real browser, headless Chromium:
every page without a console error, every link between pages resolving, and the 3D skeleton drawn (a non-blank
WebGL canvas) — with screenshots kept in _docs/screenshots/. Skipped, saying why, where Chromium is not installed
(Debian: `apt-get install chromium`) or the docs were not built."""
import re, shutil, subprocess
from pathlib import Path
import numpy as np
import pytest

DOCS = Path(__file__).resolve().parents[1] / '_docs'
CHROMIUM = shutil.which('chromium') or shutil.which('chromium-browser') or shutil.which('google-chrome')
pytestmark = [pytest.mark.skipif(CHROMIUM is None, reason='no Chromium on this machine (apt-get install chromium)'),
              pytest.mark.skipif(not (DOCS / 'pages.html').exists(), reason='the docs are not built (make docs)')]
PAGES = sorted(DOCS.glob('*.html'))

def browse(page: Path, *args, budget_ms: int = 3000) -> subprocess.CompletedProcess:
    "Open `page` in headless Chromium with software WebGL, logging the console to stderr."
    return subprocess.run([CHROMIUM, '--headless=new', '--no-sandbox', '--disable-gpu', '--use-gl=swiftshader', '--enable-unsafe-swiftshader',
                           '--enable-logging=stderr', '--v=0', f'--virtual-time-budget={budget_ms}', '--window-size=1000,700', *args,
                           page.resolve().as_uri()], capture_output=True, text=True, timeout=180)

@pytest.mark.parametrize('page', PAGES, ids=[p.name for p in PAGES])
def test_page_has_no_console_error(page):
    log = browse(page, '--dump-dom', budget_ms=8000 if page.name == 'skeleton.html' else 3000).stderr
    messages = re.findall(r'INFO:CONSOLE[^\]]*\] "(.*)", source', log)
    assert not [m for m in messages if re.search(r'error|uncaught|failed', m, re.I)], messages

def test_links_between_pages_resolve():
    broken = [(p.name, href) for p in PAGES for href in re.findall(r'href="([^"#:?]+\.html)', p.read_text(errors='replace'))
              if not (p.parent / href).exists()]
    assert not broken, broken

def test_3d_skeleton_renders(tmp_path):
    from PIL import Image
    png = DOCS / 'screenshots' / 'skeleton_test.png'; png.parent.mkdir(exist_ok=True)
    browse(DOCS / 'skeleton.html', f'--screenshot={png}', budget_ms=8000)
    img = np.asarray(Image.open(png).convert('RGB')).astype(int)
    plot = img[60:460, 200:800]                                          # the WebGL scene, between the title and the slider
    bones = ((abs(plot[..., 0] - 65) < 40) & (abs(plot[..., 1] - 105) < 40) & (plot[..., 2] > 190)).sum()   # royalblue: the predicted skeleton
    assert bones > 500, bones                                            # (a blank scene, or a text page, has under 20)
