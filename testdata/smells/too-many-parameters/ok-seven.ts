// Seven parameters, and a single options object: at the limit.
export function ship(name: string, street: string, city: string, zip: string, country: string, weight: number, express = false): void {
  console.log(name, street, city, zip, country, weight, express);
}

export function shipTo(address: { name: string; street: string; city: string; zip: string; country: string }, weight: number): void {
  console.log(address, weight);
}
