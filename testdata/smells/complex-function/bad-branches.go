package shipping

// expect: smells/complex-function Rate value=16
func Rate(o Order) int {
	rate := 5
	if o.Express {
		rate += 10
	} else if o.Priority {
		rate += 5
	}
	for _, item := range o.Items {
		if item.Fragile && !item.Packed {
			rate += 2
		}
	}
	switch o.Zone {
	case "eu":
		rate += 1
	case "us", "ca":
		rate += 3
	case "asia":
		rate += 4
	default:
		rate += 6
	}
	if o.Weight > 10 || o.Oversize {
		rate *= 2
	}
	if o.Coupon != "" && o.Valid {
		rate--
	}
	if o.Member {
		rate--
	}
	if o.Gift || o.Wrapped {
		rate++
	}
	return rate
}
