#!/usr/bin/env python3
# check-layers.py: no layer's library calls into a layer above it, or into a peer.
#
# The include directories keep a folder off the headers above it (src/meson.build); this
# checks what they cannot see, the calls themselves: every lt_ symbol a layer's static
# library leaves undefined (the private _lt_ ones too) must be defined by a library of a lower
# level.
#
#   check-layers.py [--allow LAYER:PREFIX]... NAME:LEVEL:LIBRARY...
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import subprocess
import sys


def symbols(nm, library, defined):
    args = [nm, '--defined-only' if defined else '--undefined-only', library]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    names = set()
    for line in out.splitlines():
        parts = line.split()
        if not parts or line.endswith(':'):
            continue
        name = parts[-1]
        kind = parts[-2] if len(parts) > 1 else 'U'
        if name.startswith(('lt_', '_lt_')) and (not defined or kind in 'TDRBG'):
            names.add(name)
    return names


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--nm', default='nm')
    parser.add_argument('--allow', action='append', default=[],
                        help='LAYER:PREFIX, an upward call still allowed')
    parser.add_argument('layers', nargs='+', help='NAME:LEVEL:LIBRARY, bottom first')
    args = parser.parse_args()

    layers = []
    for spec in args.layers:
        name, level, library = spec.split(':', 2)
        layers.append((name, int(level), library))
    allowed = [tuple(a.split(':', 1)) for a in args.allow]

    defined = {name: symbols(args.nm, lib, True) for name, _, lib in layers}
    failures = 0
    for name, level, library in layers:
        own = defined[name]
        below = set().union(*[defined[n] for n, lv, _ in layers if lv < level])
        above = {n: defined[n] for n, lv, _ in layers if lv >= level and n != name}
        for sym in sorted(symbols(args.nm, library, False) - own - below):
            if any(name == layer and sym.startswith(prefix) for layer, prefix in allowed):
                print(f'# {name} calls {sym} above it (allowed for now)')
                continue
            where = [n for n, syms in above.items() if sym in syms]
            print(f'{name} calls {sym}, defined in {", ".join(where) or "no layer"}, '
                  'which is not below it')
            failures += 1
    if failures == 0:
        print(f'{len(layers)} layers, no upward call')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
