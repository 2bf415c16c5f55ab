"""Start-up benchmark: process start to first paint of the main window, against a bare QMainWindow.

Run: ``python tests/perf/bench_startup.py [--runs 5]``. Both programs run as fresh processes, offscreen,
alternating, so the machine's noise hits both alike; the figure that matters is the ratio (target ≤ 1.5).
It also lists which heavy modules were imported before the first paint (target: none).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEAVY = ("matplotlib", "openpyxl", "docx", "cryptography", "pypinyin")

BARE = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel

class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("PAINTED", flush=True)
            QTimer.singleShot(0, app.quit)
            obj.removeEventFilter(self)
        return False

app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("partydesk"))
watcher = Painted()
window.installEventFilter(watcher)
window.resize(1366, 768)
window.show()
app.exec()
"""

PARTYDESK = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
import partydesk.gui.mainwindow as mainwindow
from partydesk.gui.launch import launch

HEAVY = %r

class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            heavy = [m for m in HEAVY if m in sys.modules]
            print("PAINTED", ",".join(heavy), flush=True)
            obj.removeEventFilter(self)
            # Quit once the database is open too, so each run also exercises the real start-up.
            QTimer.singleShot(1500, obj.window().close)
        return False

watcher = Painted()
original_init = mainwindow.MainWindow.__init__

def init_and_watch(self, *args, **kwargs):
    original_init(self, *args, **kwargs)
    self.installEventFilter(watcher)

mainwindow.MainWindow.__init__ = init_and_watch
sys.exit(launch(__import__("pathlib").Path(sys.argv[1])))
"""


def time_to_paint(code: str, args: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Seconds from process start to the PAINTED line, and the rest of that line."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("PAINTED"):
            elapsed = time.perf_counter() - start
            proc.wait(timeout=60)
            return elapsed, line.removeprefix("PAINTED").strip()
    proc.wait(timeout=60)
    raise RuntimeError(f"process ended without painting (exit {proc.returncode})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="partydesk-bench-") as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PARTYDESK_DATA_DIR": tmp,
               "XDG_CONFIG_HOME": tmp}
        db = Path(tmp) / "bench.db"
        subprocess.run([sys.executable, "-m", "partydesk", "demo", "--db", str(db)], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        bare, ours, heavy = [], [], set()
        time_to_paint(BARE, [], env)  # warm the OS file cache for both
        for _ in range(opts.runs):
            bare.append(time_to_paint(BARE, [], env)[0])
            seconds, loaded = time_to_paint(PARTYDESK % (HEAVY,), [str(db)], env)
            ours.append(seconds)
            heavy.update(m for m in loaded.split(",") if m)
    result = {
        "runs": opts.runs,
        "bare_qmainwindow_s": round(statistics.median(bare), 3),
        "partydesk_main_window_s": round(statistics.median(ours), 3),
        "ratio": round(statistics.median(ours) / statistics.median(bare), 2),
        "target_ratio": 1.5,
        "heavy_modules_before_first_paint": sorted(heavy),
    }
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
