"""Reference output: the N-Quads of every reference article, to show that a change which should not
alter what is extracted (a move, a speed-up) leaves it byte-identical.

    python benchmarks/reference.py write /tmp/ref-before     # before the change
    python benchmarks/reference.py write /tmp/ref-after      # after it
    python benchmarks/reference.py compare /tmp/ref-before /tmp/ref-after

Each reference folder (the seeds, both dev corpora, set A, examples/, 300 generated articles) is
copied to the same place under the temporary folder (an article's IRI follows its absolute path,
so two checkouts give the same IRIs), built into a fresh store and exported as sorted N-Quads as
stored (`--no-standard-terms`), one file per folder; `compare` names the folders that differ and
prints the first differing lines.
"""

from __future__ import annotations

import argparse
import difflib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FOLDERS = {
    "seeds": SHARED / "seeds",
    "dev": SHARED / "corpus" / "dev",
    "dev2": SHARED / "corpus" / "dev2",
    "set-a": SHARED / "eval" / "set-a",
    "examples": ROOT / "examples",
}
GENERATED = 300


def nquads(folder: Path, work: Path) -> list[str]:
    """The sorted N-Quads of `folder` built into a fresh store under `work`."""
    store = work / f"{folder.name}.store"
    subprocess.run(["sscard-kg", "build", str(folder), "--store", str(store)], check=True,
                   capture_output=True)
    exported = subprocess.run(["sscard-kg", "export", "--format", "nquads", "--no-standard-terms", "--store",
                               str(store)], check=True, capture_output=True, text=True).stdout
    return sorted(line for line in exported.splitlines() if line.strip())


def write(target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.gettempdir()) / "sscard-reference"
    shutil.rmtree(work, ignore_errors=True)
    try:
        for name, folder in FOLDERS.items():
            shutil.copytree(folder, work / name)
        generate(GENERATED, work / "generated")
        for name in [*FOLDERS, "generated"]:
            lines = nquads(work / name, work)
            (target / f"{name}.nq").write_text("\n".join(lines) + "\n", encoding="utf-8")
            print(f"{name}: {len(lines)} quads")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def compare(before: Path, after: Path) -> int:
    differing = 0
    for old in sorted(before.glob("*.nq")):
        new = after / old.name
        old_lines = old.read_text(encoding="utf-8").splitlines()
        new_lines = new.read_text(encoding="utf-8").splitlines() if new.exists() else []
        if old_lines == new_lines:
            print(f"{old.stem}: identical ({len(old_lines)} quads)")
            continue
        differing += 1
        print(f"{old.stem}: DIFFERS ({len(old_lines)} → {len(new_lines)} quads)")
        for line in list(difflib.unified_diff(old_lines, new_lines, lineterm="", n=0))[2:12]:
            print("   ", line[:200])
    return 1 if differing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("write").add_argument("target", type=Path)
    pair = commands.add_parser("compare")
    pair.add_argument("before", type=Path)
    pair.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "write":
        write(args.target)
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
