# SPDX-License-Identifier: GPL-2.0
#
# Plot of "make bench": per cell, the kbind/stock ratio of median IOPS for
# each kernel, with the min-max of the per-rep ratios as error bars, and
# the 1.00 and 0.97 lines. Reads DIR/plot.dat (bench/summarize.py), writes
# DIR/bench.svg.
#
# Usage: gnuplot -e "dir='build/bench'" bench/plot.gp

set terminal svg size 1200,600 dynamic font "sans,11"
set output dir."/bench.svg"
set title "kbind null\\_blk vs stock null\\_blk.ko: fio 4k IOPS ratio (kbind/stock)"
set ylabel "kbind / stock (median IOPS; bars: per-rep min-max)"
set xlabel "rw:iodepth:numjobs:memory_backed:irqmode" noenhanced
set style data histogram
set style histogram errorbars gap 1 lw 1
set style fill solid 0.6 border -1
set boxwidth 0.9
set xtics rotate by 60 right noenhanced font ",9"
set key top left noenhanced autotitle columnhead
set yrange [0:*]
set grid ytics
kernels = (words(system("head -n 1 ".dir."/plot.dat")) - 1) / 3
set arrow 1 from graph 0, first 1.0 to graph 1, first 1.0 nohead lc "black" dt 2
set arrow 2 from graph 0, first 0.97 to graph 1, first 0.97 nohead lc "red" dt 3
plot for [k=1:kernels] dir."/plot.dat" using 3*k-1:3*k:3*k+1:xtic(1) \
	title "Debian ".columnhead(3*k-1)
