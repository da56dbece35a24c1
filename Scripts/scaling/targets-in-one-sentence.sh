# One paragraph stating N targets: extract writes each sentence once (JSON grew with N²).
# base: 20000
set -euo pipefail
case $1 in
  make) python3 -c "
import sys
n = int(sys.argv[1])
body = '，'.join(f'指标{i}达到{i}万吨' for i in range(n))
open(sys.argv[2] + '/plan.txt', 'w').write('关于印发某区行动方案的通知\n一、主要目标\n到2025年，' + body + '。\n')
" "$2" "$3" ;;
  run) "$3" extract "$2/plan.txt" --format jsonl ;;
esac
