# search with a query of N characters: two-character words of a seed joined by spaces
# (memory grew by about 75 KB a character: 766 MB for 10,000 on the seeds copied to 20 MB).
# base: 5000
set -euo pipefail
case $1 in
  # The index: the seeds copied 50 times (5 MB), so that a term's postings weigh.
  make) mkdir -p "$3/docs"
    for i in $(seq 1 50); do
      for f in corpus/documents/*.txt; do cp "$f" "$3/docs/${i}_$(basename "$f")"; done
    done
    "${POLICYQ:-.build/release/policyq}" index "$3/docs" --index "$3/index" >/dev/null
    python3 -c "
import sys
seed = open(sorted(__import__('glob').glob('corpus/documents/*.txt'))[0], encoding='utf-8').read()
text = ''.join(ch for ch in seed if '\u4e00' <= ch <= '\u9fff')
q = (text * (int(sys.argv[1]) // len(text) + 1))[:int(sys.argv[1])]
open(sys.argv[2] + '/query.txt', 'w').write(' '.join(q[i:i + 2] for i in range(0, len(q), 2)))
" "$2" "$3" ;;
  # No unit holds all the words: exit status 1 (no match) is the expected answer. Ten
  # searches, so that a time of a few milliseconds is not lost in the machine's noise.
  run) for _ in 1 2 3 4 5 6 7 8 9 10; do
      "$3" search "$(cat "$2/query.txt")" --index "$2/index" --limit 10 >/dev/null || test $? -eq 1
    done ;;
esac
