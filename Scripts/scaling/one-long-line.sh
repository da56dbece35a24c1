# index, then search, a file that is one line of N bytes (no line break at all).
# base: 10000000
set -euo pipefail
case $1 in
  make) python3 -c "
import glob, sys
seed = ''.join(open(p, encoding='utf-8').read() for p in sorted(glob.glob('corpus/documents/*.txt')))
line = seed.replace('\n', '')
n = int(sys.argv[1])
data = (line * (n // len(line.encode()) + 1)).encode()[:n].decode('utf-8', 'ignore')
open(sys.argv[2] + '/line.txt', 'w').write(data)
" "$2" "$3" ;;
  run) "$3" index "$2/line.txt" --index "$2/index" && "$3" search 绿色工厂 --index "$2/index" ;;
esac
