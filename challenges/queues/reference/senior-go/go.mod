module paymentjobs

go 1.19
