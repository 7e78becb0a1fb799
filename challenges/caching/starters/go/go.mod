module pricelookup

go 1.19
