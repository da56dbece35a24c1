# A long plan whose lines alternate outline levels (一、 （一） 1.) and target sentences.
# base: 25000
set -euo pipefail
case $1 in
  make) python3 -c "
import sys
n, cn = int(sys.argv[1]), '一二三四五六七八九十'
lines = ['关于印发某区行动方案的通知']
for i in range(n):
    k = i % 4
    lines.append([f'{cn[(i // 4) % 10]}、重点任务{i}', f'（{cn[(i // 4) % 10]}）推进工作{i}',
                  f'{i % 9 + 1}.加快建设{i}',
                  f'到2025年，单位地区生产总值能耗下降{i % 20 + 1}%，绿色工厂达到{i}家。'][k])
open(sys.argv[2] + '/plan.txt', 'w').write('\n'.join(lines) + '\n')
" "$2" "$3" ;;
  run) "$3" extract "$2/plan.txt" --format jsonl ;;
esac
