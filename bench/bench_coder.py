"""Benchmark: how fast detente codes news sentences on one core, and its peak memory.

The corpus is bench/corpus/sentences.txt (news-style sentences written for detente)
plus the 76 AFP sentences of ../shared/petrarch/GigaWord.sample.PETR.xml when it is
there, repeated until it holds at least --sentences sentences, grouped into documents
of 20 sentences. Loading the dictionaries is timed apart from coding.

    python bench/bench_coder.py [--sentences 10000] [--json]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from detente.model import Document  # noqa: E402
from detente.pipeline import Pipeline  # noqa: E402

CORPUS = ROOT / "bench" / "corpus" / "sentences.txt"
GIGAWORD = ROOT.parent / "shared" / "petrarch" / "GigaWord.sample.PETR.xml"
SENTENCES_PER_DOCUMENT = 20


def corpus_sentences() -> list[str]:
    sentences = [line.strip() for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    if GIGAWORD.exists():
        texts = re.findall(r"<Text>\s*(.*?)\s*</Text>", GIGAWORD.read_text(encoding="utf-8"), re.S)
        sentences += [" ".join(t.split()) for t in texts]
    return sentences


def build_documents(sentences: list[str], minimum: int) -> list[Document]:
    """Documents of 20 corpus sentences, cycling through the corpus, with a 5% margin
    so that at least `minimum` sentences remain after sentence splitting."""
    target = int(minimum * 1.05) + 1
    pool = (sentences * (target // len(sentences) + 1))[:target]
    documents = []
    for number, start in enumerate(range(0, len(pool), SENTENCES_PER_DOCUMENT)):
        chunk = pool[start : start + SENTENCES_PER_DOCUMENT]
        text = "\n\n".join(chunk)
        documents.append(Document(id=f"bench-{number}", text=text, date=dt.date(2024, 5, 14)))
    return documents


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=10_000, help="at least this many sentences (default 10000)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()

    started = time.perf_counter()
    pipeline = Pipeline.default()
    load_seconds = time.perf_counter() - started

    documents = build_documents(corpus_sentences(), args.sentences)
    started = time.perf_counter()
    sentences = events = 0
    for document in documents:
        pipeline(document)
        sentences += len(document.sentences)
        events += len(document.events)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    results = {
        "documents": len(documents),
        "sentences": sentences,
        "events": events,
        "load_seconds": round(load_seconds, 2),
        "code_seconds": round(seconds, 2),
        "sentences_per_second": round(sentences / seconds),
        "peak_memory_mb": round(peak_mb),
        "gigaword_included": GIGAWORD.exists(),
    }
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(f"coded {sentences:,} sentences in {len(documents):,} documents: {events:,} events")
        print(f"load {load_seconds:.2f} s, coding {seconds:.2f} s on one core")
        print(f"{results['sentences_per_second']:,} sentences per second; peak memory {results['peak_memory_mb']:,} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
