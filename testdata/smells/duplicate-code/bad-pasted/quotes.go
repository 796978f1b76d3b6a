// settings: duplicate-min-tokens = 50
package shop

import "log"

// The signature differs: the copy starts in the body.
func QuoteTotal(items []Item, limit int) int {
	// expect: smells/duplicate-code total value=13
	total := 0
	count := len(items)
	log.Printf("%d items", count)
	for _, item := range items {
		if item.Price > limit {
			total += item.Price * 2
		} else if item.Price < 0 {
			panic(item)
		} else {
			total += item.Price
		}
	}
	return total
}
