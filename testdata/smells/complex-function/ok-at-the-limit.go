package shipping

// Fifteen: Go's default maximum (gocyclo's advice) is not exceeded.
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
	return rate
}

// Separate functions: a func literal is measured on its own.
func Apply(orders []Order) {
	each(orders, func(o Order) {
		if o.Express && o.Priority || o.Member {
			o.Rate = Rate(o)
		}
	})
}
