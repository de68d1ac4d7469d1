# SPDX-License-Identifier: GPL-2.0
#
# Plot of "make bench"'s instruction counts: per null_blk cell, kbind's
# guest instructions per I/O over stock's (top) and the same for the
# drivers' own text (bottom), one bar per kernel, with the 1.00 line; then
# the same per operation of the other hot paths, kbind over its raw twin. Reads
# DIR/icount.dat (bench/icount.py), writes DIR/icount.svg.
#
# Usage: gnuplot -e "dir='build/bench'" bench/icount.gp

set terminal svg size 1200,900 dynamic font "sans,11"
set output dir."/icount.svg"
set style data histogram
set style histogram clustered gap 1
set style fill solid 0.6 border -1
set boxwidth 0.9
set xtics rotate by 60 right noenhanced font ",9"
set key top left noenhanced
set yrange [0:*]
set grid ytics
kernels = (words(system("head -n 1 ".dir."/icount.dat")) - 1) / 2
set arrow 1 from graph 0, first 1.0 to graph 1, first 1.0 nohead lc "black" dt 2
set multiplot layout 2,1 title "kbind vs stock or raw-API drivers: guest instructions per I/O or operation (QEMU TCG plugin count)"
set ylabel "kbind / stock, whole guest"
plot for [k=1:kernels] dir."/icount.dat" using 2*k:xtic(1) \
	title "Debian ".word(system("head -n 1 ".dir."/icount.dat"), 2*k)
set ylabel "kbind / stock, driver text"
set xlabel "null_blk rw:iodepth:numjobs:memory_backed:irqmode; other operations" noenhanced
plot for [k=1:kernels] dir."/icount.dat" using 2*k+1:xtic(1) \
	title "Debian ".word(system("head -n 1 ".dir."/icount.dat"), 2*k+1)
unset multiplot
