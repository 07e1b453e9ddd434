#!/usr/bin/env python3
"""Checks the Flatpak manifest: valid JSON, the app id and command, a GNOME
runtime, a meson module for letapis, and the smallest sandbox (no network, no
home or host filesystem)."""
import json
import sys

path, app_id, command = sys.argv[1:4]
with open(path, encoding="utf-8") as f:
    manifest = json.load(f)

errors = []
if manifest.get("id", manifest.get("app-id")) != app_id:
    errors.append(f"id is not {app_id}")
if manifest.get("command") != command:
    errors.append(f"command is not {command}")
if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
    errors.append("runtime/sdk are not org.gnome.Platform/org.gnome.Sdk")
args = manifest.get("finish-args", [])
for needed in ("--socket=wayland", "--socket=fallback-x11", "--share=ipc", "--device=dri"):
    if needed not in args:
        errors.append(f"finish-args lacks {needed}")
for forbidden in ("--share=network", "--filesystem=home", "--filesystem=host"):
    if forbidden in args:
        errors.append(f"finish-args grants {forbidden}")
modules = [m for m in manifest.get("modules", []) if isinstance(m, dict)]
if not any(m.get("name") == "letapis" and m.get("buildsystem") == "meson" for m in modules):
    errors.append("no meson module named letapis")

for e in errors:
    print(f"{path}: {e}", file=sys.stderr)
sys.exit(1 if errors else 0)
