"""Starting and stopping `sscard-kg serve` as a real process on free loopback ports, for tests."""

from __future__ import annotations

import os
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest


def sscard_kg_command() -> list[str]:
    """The installed `sscard-kg` script beside this Python, else the module."""
    script = shutil.which("sscard-kg", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "sscard_kg.cli"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def read_banner(process: subprocess.Popen, wait: float = 30) -> list[str]:
    """The lines serve prints once it is ready (up to "Press Ctrl-C"), without blocking past `wait`."""
    text, selector = b"", selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + wait
    while b"Press Ctrl-C" not in text and time.monotonic() < deadline:
        if selector.select(timeout=0.2):
            chunk = os.read(process.stdout.fileno(), 4096)
            if not chunk:
                break
            text += chunk
    return text.decode().splitlines()


def start(store: str, *options: str) -> tuple[subprocess.Popen, list[str]]:
    process = subprocess.Popen(sscard_kg_command() + ["serve", "--store", store, *options],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    lines = read_banner(process)
    if process.poll() is not None:
        pytest.fail(f"serve stopped: {process.stderr.read().decode()}")
    return process, lines


def stop(process: subprocess.Popen) -> int:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return process.returncode
