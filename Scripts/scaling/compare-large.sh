# compare of two long documents (the seeds repeated to N bytes each).
# base: 1000000
set -euo pipefail
case $1 in
  make) python3 -c "
import glob, sys
n, out = int(sys.argv[1]), sys.argv[2]
seeds = sorted(glob.glob('corpus/documents/*.txt'))
for name, picks in (('lower', seeds[0::2]), ('upper', seeds[1::2])):
    text, parts = '', [open(p, encoding='utf-8').read() for p in picks]
    while len(text.encode()) < n:
        text += parts[len(text) % len(parts)]
    open(f'{out}/{name}.txt', 'w').write(text)
" "$2" "$3" ;;
  run) "$3" compare "$2/lower.txt" "$2/upper.txt" --format json ;;
esac
