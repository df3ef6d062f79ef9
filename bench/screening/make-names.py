#!/usr/bin/env python3
"""Writes N names to screen (default 100,000), one a line, deterministic (seed 17): 5% are names
of the bundled SDN list, half of them with a typo or in another word order; the rest are made-up
people ("Given Family") and companies ("Word Word Trading Co Ltd") from common name parts, so
that the index meets the lists' common words (MOHAMMED, AL, TRADING) as real batches do.

Usage: bench/screening/make-names.py [N] > names.txt
"""
import csv
import os
import random
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
GIVEN = ("Mohammed Ali Ahmed Hassan Vladimir Sergei Olga Maria Anna John James Robert Wei Li "
         "Jose Juan Carlos Fatima Aisha Omar Yusuf Ivan Dmitri Elena Svetlana Kim Lee Chen "
         "Abdul Rahman Ibrahim Khalid Peter Paul Michael Sarah Laura").split()
FAMILY = ("Smith Johnson Garcia Martinez Petrov Ivanov Sokolov Kuznetsov Wang Zhang Liu Khan "
          "Rahman Hussein Hassan Ali Al-Rashid Bin-Laden Kim Park Nguyen Tran Muller Schmidt "
          "Rossi Silva Santos Ahmadi Karimi Haddad Mansour Volkov Popov Lebedev").split()
WORDS = ("Global Trading Industrial Ocean Star Golden Eagle Delta Alpha Pacific Atlantic Green "
         "United General Energy Shipping Logistics Import Export Technology Holding Group "
         "International Petro Metal Textile Food").split()
FORMS = ["Co Ltd", "LLC", "GmbH", "S.A.", "Corp", "OOO", "Inc", ""]


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    rng = random.Random(17)
    with open(os.path.join(ROOT, "rulesets/reference/sanctions/ofac-sdn/sdn.csv"),
              encoding="latin-1") as f:
        listed = [row[1] for row in csv.reader(f) if len(row) > 1]
    out = sys.stdout
    for i in range(count):
        pick = rng.random()
        if pick < 0.05:
            name = rng.choice(listed)
            if rng.random() < 0.5 and len(name) > 4:
                at = rng.randrange(1, len(name) - 1)
                name = name[:at] + name[at + 1] + name[at] + name[at + 2:]
        elif pick < 0.7:
            name = "%s %s" % (rng.choice(GIVEN), rng.choice(FAMILY))
            if rng.random() < 0.3:
                name = "%s, %s" % (rng.choice(FAMILY), rng.choice(GIVEN))
        else:
            name = " ".join(rng.sample(WORDS, rng.randint(1, 3)) + [rng.choice(FORMS)]).strip()
        out.write(name + "\n")


if __name__ == "__main__":
    main()
