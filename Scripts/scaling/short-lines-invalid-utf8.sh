# Many short lines, each with invalid UTF-8 bytes.
# base: 500000
set -euo pipefail
case $1 in
  make) python3 -c "
import sys
with open(sys.argv[2] + '/lines.txt', 'wb') as f:
    for i in range(int(sys.argv[1])):
        f.write('第一条 本办法'.encode() + b'\xff\xfe' + str(i).encode() + b'\n')
" "$2" "$3" ;;
  run) "$3" extract "$2/lines.txt" --format jsonl ;;
esac
