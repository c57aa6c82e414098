import re, sys
sys.path.insert(0, "src")
from build import parse
bad = 0
for r in parse():
    text = "\n".join(r["body"])
    ppl = r.get("people", "")
    ppl = re.sub(r"\([^)]*\)", "", ppl)
    ppl = ppl.replace("Arabic part:", "").replace("English part:", "").replace("Arabic:", "").replace("English:", "")
    for name in re.split(r"[;؛.]\s*", ppl):
        name = name.strip()
        if name.startswith("Dr "): name = name[3:]
        if name.startswith("Sheikh "): name = name[7:]
        if name.startswith("الشيخ "): name = name[6:]
        if not name: continue
        if name not in text:
            bad += 1; print(r["id"], "MISSING:", repr(name))
print("bad", bad)
