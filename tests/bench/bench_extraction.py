"""Extraction throughput and memory over a corpus of at least 10 MB. A benchmark, not a test.

Run from the project root:  python tests/bench/bench_extraction.py [--mb 10] [--processes N]

The corpus is built from the seed articles and the extraction test articles, varied so that
no two documents are the same: paragraphs reordered and repeated, numbers and days changed,
and a share of the files in cp1254 and UTF-16 so that decoding is measured too. It reports
MB/s per core (megabytes per CPU-second of one process, which other load on the machine
does not distort) beside wall-clock MB/s, the same for several processes sharing the corpus,
the peak resident memory of the process, and the peak Python allocation while reading the
largest document (tracemalloc).

Then single files of 10 KB, 100 KB and 900 KB of three kinds, generated here with invented
people: ordinary prose, one meeting sentence repeated, and many distinct names and agreement
phrases. It prints MB/s per CPU-second for each kind and size, and per kind the ratio of the
fastest size to the slowest: extraction time should grow linearly with a file's size, so the
goal is a ratio within 1.5. ``--files-only`` skips the corpus; ``--kinds`` and ``--sizes``
pick what to run (a superlinear kind can take minutes at 900 KB).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import sys
import time
import tracemalloc
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from meetings.extraction import ExtractionError, extract  # noqa: E402

SOURCES = sorted((ROOT / "fixtures" / "articles").glob("*.txt")) + sorted(
    (ROOT / "tests" / "extraction" / "articles").glob("*.txt")
)
ENCODINGS = ["utf-8"] * 7 + ["cp1254", "utf-16", "utf-8-sig"]
SIZES_KB = (10, 100, 900)
GOAL_RATIO = 1.5
MIN_CPU_SECONDS = 0.5  # a small file is read again until this much CPU time has passed


def _texts() -> list[str]:
    texts = []
    for path in SOURCES:
        raw = path.read_bytes()
        for encoding in ("utf-8-sig", "utf-16", "cp1254"):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text:
                texts.append(text.replace("\r\n", "\n"))
                break
    return texts


def _vary(text: str, rng: random.Random) -> str:
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    head, body = paragraphs[:1], paragraphs[1:]
    rng.shuffle(body)
    body += rng.sample(body, k=min(len(body), rng.randint(0, 3)))
    varied = "\n\n".join(head + body)
    varied = re.sub(r"\b\d{1,2}\b", lambda _: str(rng.randint(1, 28)), varied)
    if rng.random() < 0.2:
        varied = varied.replace("\n", "\r\n")
    return varied


def build_corpus(megabytes: float, seed: int = 7) -> list[bytes]:
    """Documents in assorted encodings until their bytes add up to ``megabytes``."""
    rng = random.Random(seed)
    texts = _texts()
    corpus: list[bytes] = []
    size = 0
    while size < megabytes * 1_000_000:
        text = _vary(rng.choice(texts), rng)
        try:
            raw = text.encode(rng.choice(ENCODINGS))
        except UnicodeEncodeError:
            raw = text.encode("utf-8")
        corpus.append(raw)
        size += len(raw)
    return corpus


def _run(corpus: list[bytes]) -> tuple[int, int, float, float]:
    """Extract every document: (read, refused, wall seconds, CPU seconds of this process)."""
    start, cpu = time.perf_counter(), time.process_time()
    done = failed = 0
    for raw in corpus:
        try:
            extract(raw)
            done += 1
        except ExtractionError:
            failed += 1
    return done, failed, time.perf_counter() - start, time.process_time() - cpu


# Single files of one kind ------------------------------------------------------------------
def _words(text: str) -> list[str]:
    return text.split()


# Invented people: first names and surnames combine into thousands of distinct full names.
_FIRST = _words(
    "Arda Berkay Cemre Derin Efe Ferit Gökalp İlkay Kaan Lale Mert Nehir Oğuz Pınar Rüzgar "
    "Selin Tolga Umay Veysel Yaren Zafer Alpin Bora Çağla Doruk Eflin Güney Hazal Irmak Kerim"
)
# Surnames are built from two parts: 20 x 20 of them, so 12,000 distinct full names.
_SURNAME_HEADS = _words(
    "Ak Kara Demir Gök Er Öz Yıldır Ay Gün Tan Alp Bal Taş Çelik Ulu Kaya Yurt Ser Tun İnal"
)
_SURNAME_TAILS = _words(
    "dağ kaya oğlu han soy er taş el yurt can ergin öz kan baş türk gil men bey su tekin"
)
_COUNTRIES = _words(
    "Türkiye Azerbaycan Rusya Gürcistan Kazakistan Özbekistan Macaristan Sırbistan Katar "
    "Mısır Japonya Brezilya Almanya Fransa İtalya İspanya Yunanistan Romanya Polonya Ukrayna"
)
_IN_CITIES = _words(  # with the locative ending
    "Ankara'da İstanbul'da Bakü'de Moskova'da Tiflis'te Astana'da Taşkent'te Budapeşte'de "
    "Belgrad'da Doha'da Kahire'de Tokyo'da Berlin'de Paris'te Roma'da Madrid'de Atina'da "
    "Bükreş'te Varşova'da Kiev'de"
)
_TITLES = (
    "Dışişleri Bakanı",
    "Ticaret Bakanı",
    "Enerji Bakanı",
    "Savunma Bakanı",
    "Başbakan Yardımcısı",
    "Büyükelçisi",
    "Sağlık Bakanı",
    "Ulaştırma Bakanı",
)
_FIELDS = _words(
    "Enerji Tarım Ulaştırma Turizm Eğitim Sağlık Savunma Sanayi Bilim Kültür Gümrük Bankacılık "
    "Denizcilik Havacılık Madencilik Ormancılık Balıkçılık Teknoloji Yatırım Lojistik"
)
_DOCUMENTS = (
    "İşbirliği Anlaşması",
    "Mutabakat Zaptı",
    "İşbirliği Protokolü",
    "Ortak Deklarasyonu",
    "Çerçeve Anlaşması",
    "Eylem Planı Protokolü",
)
_PROSE = _words(
    "yıl boyunca bölgedeki üreticiler hasat döneminde beklenenden daha yüksek bir verim elde "
    "etti ve kooperatifler yeni depolar açmak için belediyeyle birlikte çalıştı ancak yağışların "
    "geç başlaması bazı köylerde sulama sorunlarına yol açtı uzmanlar önümüzdeki mevsimde "
    "toprağın nemini korumak için damla sulama sistemlerinin yaygınlaştırılmasını önerirken "
    "şehirdeki pazarlarda sebze fiyatları hafta sonu boyunca dengeli seyretti kent merkezindeki "
    "kütüphane yaz aylarında çocuklar için okuma atölyeleri düzenledi ve yüzlerce öğrenci bu "
    "etkinliklere katıldı ulaşım idaresi otobüs hatlarında yeni bir tarife uygulamaya koydu"
)


def _name(i: int) -> str:
    """The i-th invented full name; distinct for i below 30 x 20 x 20."""
    first = _FIRST[i % len(_FIRST)]
    i //= len(_FIRST)
    head = _SURNAME_HEADS[i % len(_SURNAME_HEADS)]
    tail = _SURNAME_TAILS[(i // len(_SURNAME_HEADS)) % len(_SURNAME_TAILS)]
    return f"{first} {head}{tail}"


def _prose_sentence(rng: random.Random) -> str:
    words = rng.sample(_PROSE, rng.randint(9, 18))
    first = words[0]
    words[0] = ("İ" if first[0] == "i" else first[0].upper()) + first[1:]
    if rng.random() < 0.3:
        words.insert(rng.randint(1, len(words) - 1), f"{rng.randint(2, 90)}")
    return " ".join(words) + "."


def _prose(target: int, rng: random.Random) -> str:
    """Ordinary news prose with no meeting in it."""
    paragraphs, size = [], 0
    while size < target:
        paragraph = " ".join(_prose_sentence(rng) for _ in range(rng.randint(3, 6)))
        paragraphs.append(paragraph)
        size += len(paragraph.encode()) + 2
    return "\n\n".join(paragraphs)


_REPEATED = (
    "Gürcistan Cumhurbaşkanı Levan Kartveli, Türkiye Dışişleri Bakanı Selim Yalçıner'i "
    "Tiflis'te kabul etti."
)


def _repeated(target: int, rng: random.Random) -> str:
    """One meeting sentence, again and again, five to a paragraph."""
    paragraph = " ".join([_REPEATED] * 5)
    return "\n\n".join([paragraph] * (target // (len(paragraph.encode()) + 2) + 1))


def _names_and_agreements(target: int, rng: random.Random) -> str:
    """Distinct people meeting, attending and signing distinct agreements."""
    paragraphs, size, i = [], 0, 0
    while size < target:
        host, guest, extra = _name(i), _name(i + 1), _name(i + 2)
        country_a, country_b = rng.sample(_COUNTRIES, 2)
        title_a, title_b = rng.choice(_TITLES), rng.choice(_TITLES)
        field_a, field_b = rng.sample(_FIELDS, 2)
        year = 1990 + i % 35
        paragraph = (
            f"{country_a} {title_a} {host}, {country_b} {title_b} {guest} ile "
            f"{rng.choice(_IN_CITIES)} bir araya geldi. Görüşmeye {country_b} "
            f"{rng.choice(_TITLES)} {extra} katıldı. Taraflar, {year} {field_a} "
            f"{rng.choice(_DOCUMENTS)} ile {field_b} Alanında {rng.choice(_DOCUMENTS)}'nı "
            f"imzaladı. {host.split()[1]}, {year} {field_a} {rng.choice(_DOCUMENTS)}'nın "
            f"uygulanmasını ele aldıklarını söyledi."
        )
        paragraphs.append(paragraph)
        size += len(paragraph.encode()) + 2
        i += 3
    return "\n\n".join(paragraphs)


KINDS = {
    "prose": _prose,
    "repeated": _repeated,
    "names": _names_and_agreements,
}


def single_file(kind: str, kilobytes: int, seed: int = 11) -> bytes:
    """A file of one kind, cut at a paragraph or sentence end near kilobytes, with a header."""
    target = kilobytes * 1000
    text = KINDS[kind](target, random.Random(seed))
    raw = ("date 2024-03-12\n" + text).encode()[:target]
    end = max(raw.rfind(b"\n\n"), raw.rfind(b". ") + 1)
    return raw[:end] if end > target // 2 else raw


def _time_file(raw: bytes) -> tuple[float, int]:
    """CPU seconds for one read of raw (the mean of enough reads), and how many reads."""
    runs, cpu = 0, 0.0
    while cpu < MIN_CPU_SECONDS or runs == 0:
        start = time.process_time()
        extract(raw)
        cpu += time.process_time() - start
        runs += 1
        if len(raw) > 200_000:
            break  # large files are timed once: they take long enough
    return cpu / runs, runs


def bench_single_files(kinds: list[str], sizes: list[int]) -> None:
    """MB/s per CPU-second for each kind and size, and each kind's fastest/slowest ratio."""
    print(f"single files: MB/s per CPU-second (goal: within {GOAL_RATIO} across sizes)")
    header = f"  {'kind':<10}" + "".join(f"{f'{kb} KB':>18}" for kb in sizes) + f"{'ratio':>8}"
    print(header)
    for kind in kinds:
        speeds, cells = [], []
        for kb in sizes:
            raw = single_file(kind, kb)
            seconds, _ = _time_file(raw)
            speed = len(raw) / 1e6 / seconds
            speeds.append(speed)
            took = f"{seconds:.1f} s" if seconds >= 1 else f"{seconds * 1000:.0f} ms"
            cells.append(f"{speed:.2f} ({took})")
            sys.stdout.flush()
        ratio = max(speeds) / min(speeds)
        flag = "" if ratio <= GOAL_RATIO else "  over the goal"
        print(f"  {kind:<10}" + "".join(f"{c:>18}" for c in cells) + f"{ratio:8.2f}{flag}")


def main() -> None:
    """Build the corpus, time it on one core and on several, and report memory; then the
    single files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    parser.add_argument(
        "--processes", type=int, default=os.cpu_count() or 1, help="processes for the parallel run"
    )
    parser.add_argument("--files-only", action="store_true", help="only the single files")
    parser.add_argument("--kinds", default=",".join(KINDS), help="single-file kinds to run")
    parser.add_argument(
        "--sizes", default=",".join(map(str, SIZES_KB)), help="single-file sizes in KB"
    )
    args = parser.parse_args()
    kinds = args.kinds.split(",")
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.files_only:
        extract(single_file("prose", 10))  # load the lexicon outside the timing
        bench_single_files(kinds, sizes)
        return

    corpus = build_corpus(args.mb)
    total = sum(len(raw) for raw in corpus)
    mb = total / 1_000_000
    print(f"corpus: {len(corpus)} documents, {mb:.1f} MB ({len(SOURCES)} source articles)")

    extract(corpus[0])  # load the lexicon outside the timing
    done, failed, seconds, cpu = _run(corpus)
    print(
        f"one core: {mb / cpu:.2f} MB/s per CPU-second, {mb / seconds:.2f} MB/s wall "
        f"({done / seconds:.0f} articles/s, {seconds:.1f} s, {failed} refused)"
    )
    load = os.getloadavg()[0]
    if load > (os.cpu_count() or 1) * 0.75:
        print(f"  note: load average {load:.1f}; other work shares the cores, wall times suffer")

    if args.processes > 1:
        chunks = [corpus[i :: args.processes] for i in range(args.processes)]
        start = time.perf_counter()
        with ProcessPoolExecutor(args.processes) as pool:
            results = list(pool.map(_run, chunks))
        wall = time.perf_counter() - start
        cpu_total = sum(r[3] for r in results)
        print(
            f"{args.processes} processes: {mb / wall:.2f} MB/s wall in all; "
            f"{mb / cpu_total:.2f} MB/s per CPU-second in each worker"
        )

    largest = max(corpus, key=len)
    tracemalloc.start()
    extract(largest)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {rss:.0f} MB resident (corpus in memory included); ", end="")
    print(f"{peak / 1_000_000:.1f} MB allocated reading the largest document ({len(largest)} B)")
    bench_single_files(kinds, sizes)


if __name__ == "__main__":
    main()
