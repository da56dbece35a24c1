# search with a query of N characters (memory grew by 70 KB a character).
# base: 5000
set -euo pipefail
case $1 in
  make) "${POLICYQ:-.build/release/policyq}" index corpus/documents --index "$3/index" >/dev/null
    python3 -c "
import sys
seed = open(sorted(__import__('glob').glob('corpus/documents/*.txt'))[0], encoding='utf-8').read()
text = ''.join(ch for ch in seed if '\u4e00' <= ch <= '\u9fff')
q = (text * (int(sys.argv[1]) // len(text) + 1))[:int(sys.argv[1])]
open(sys.argv[2] + '/query.txt', 'w').write(q)
" "$2" "$3" ;;
  run) "$3" search "$(cat "$2/query.txt")" --index "$2/index" --limit 10 ;;
esac
