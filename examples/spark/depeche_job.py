"""Run depeche over a JSON Lines corpus with Spark.

Each input line is {"id": ..., "text": ..., "published": ...}; each output
line is the depeche record of that line. Every partition is streamed through
one `depeche extract --jsonl` process with RDD.pipe, so the records are made
by the same binary and rules as on the command line.

    spark-submit --master local[2] examples/spark/depeche_job.py \
        --bin target/release/depeche corpus.jsonl facts/

The binary is shipped to the executors with SparkContext.addFile (it must be
built for their OS and CPU: a Linux x86-64 release build here). With
--installed, it is not shipped and the path given must exist on every node.
"""

import argparse
import os
import re
import shlex

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="JSON Lines file(s) or folder, any path Spark reads (.gz too)")
    parser.add_argument("output", help="output folder (must not exist): part-* files of records")
    parser.add_argument("--bin", required=True, help="the depeche binary, on the driver")
    parser.add_argument("--installed", action="store_true",
                        help="do not ship the binary: --bin is a path valid on every node")
    parser.add_argument("--partitions", type=int, default=None,
                        help="minimum number of input partitions (one depeche process each)")
    parser.add_argument("--ref-date", help="passed to depeche: fallback for lines without published")
    parser.add_argument("--only", help="passed to depeche: fact kinds to output")
    parser.add_argument("--allow-bad-lines", action="store_true",
                        help="do not fail the task when depeche exits 1 (malformed lines are skipped)")
    args = parser.parse_args()

    spark = SparkSession.builder.appName("depeche").getOrCreate()
    sc = spark.sparkContext

    if args.installed:
        exe = args.bin
    else:
        sc.addFile(os.path.abspath(args.bin))
        name = os.path.basename(args.bin)
        # An executor of a cluster (standalone, YARN, Kubernetes, local-cluster)
        # finds the files added with addFile in its working directory; in local
        # mode the tasks run in the driver's JVM and share its SparkFiles
        # folder, whose absolute path is known here.
        local = re.fullmatch(r"local(\[.*\])?", sc.master)
        exe = SparkFiles.get(name) if local else "./" + name

    command = [exe, "extract", "--jsonl"]
    if args.ref_date:
        command += ["--ref-date", args.ref_date]
    if args.only:
        command += ["--only", args.only]

    lines = sc.textFile(args.input, minPartitions=args.partitions)
    # RDD.pipe writes each element as a line to the process and reads its
    # output lines; depeche writes exactly one record per input line, in order.
    # checkCode: a depeche exit code of 1 (a malformed line) fails the task.
    records = lines.pipe(shlex.join(command), checkCode=not args.allow_bad_lines)
    records.saveAsTextFile(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
