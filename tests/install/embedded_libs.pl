# Lintian's embedded-library check on built binaries (tests/install/test_embedded_libs.c):
# each pattern of its data file (name || options || Perl regex) against the
# binary's bytes, NULs read as line ends as `strings` would give them.
# usage: perl embedded_libs.pl DATA-FILE BINARY...; exit 1 on a match.
use strict; use warnings;
my $data_file = shift;
open my $d, '<', $data_file or die "cannot read $data_file: $!\n";
my %re;
while (<$d>) {
    next if /^\s*#/ || /^\s*$/;
    chomp;
    my ($lib, $opts, $re) = split /\s*\|\|/, $_, 3;
    $lib =~ s/\s+$//;
    $re{$lib} = $re if defined $re && length $re;
}
die "no patterns in $data_file\n" unless %re;
my $bad = 0;
for my $f (@ARGV) {
    open my $b, '<:raw', $f or die "cannot read $f: $!\n";
    local $/; my $bytes = <$b>;
    $bytes =~ s/\0/\n/g;
    for my $lib (sort keys %re) {
        if ($bytes =~ /$re{$lib}/) { print "$f: looks like an embedded $lib ($re{$lib})\n"; $bad = 1 }
    }
}
exit $bad;
