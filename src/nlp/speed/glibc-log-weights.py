#!/usr/bin/env python3
"""Writes jieba-glibc-weights.json: the dictionary weights log(freq / total) of jieba's dictionary
as the C library computes them (CPython's math.log is the C library's log, as in cppjieba), for
every frequency of the dictionary and 1..10000 (user words with a frequency), where it differs
from JavaScript's Math.log (V8's own log, within one unit in the last place but not always the
same). jieba-segmenter.ts uses them so its cuts break ties exactly as nodejieba did.

DICT is node_modules/nodejieba/submodules/cppjieba/dict/jieba.dict.utf8.
The JavaScript side of the comparison is read from stdin, `freq weight` per line:
  node -e "const fs=require('fs');const f=fs.readFileSync(process.argv[1],'utf8').split('\\n').filter(Boolean).map(l=>parseFloat(l.split(' ')[1]));let s=0;for(const x of f)s+=x;const c=new Set(f);for(let k=1;k<=10000;k++)c.add(k);for(const x of c)console.log(x,Math.log(x/s))" DICT | python3 src/nlp/speed/glibc-log-weights.py DICT
"""
import json, math, sys

dict_path = sys.argv[1]
freqs = [float(line.split(' ')[1]) for line in open(dict_path, encoding='utf8') if line.strip()]
total = 0.0
for f in freqs:
    total += f
js = {}
for line in sys.stdin:
    f, w = line.split()
    js[float(f)] = float(w)
candidates = sorted(set(freqs) | set(float(k) for k in range(1, 10001)))
weights = {}
for f in candidates:
    w = math.log(f / total)
    if js.get(f) != w:
        weights[repr(int(f))] = w
json.dump({'lines': len(freqs), 'total': total, 'weights': weights}, open('src/nlp/speed/jieba-glibc-weights.json', 'w'), separators=(',', ':'))
print(len(weights), 'of', len(candidates), 'differ')
