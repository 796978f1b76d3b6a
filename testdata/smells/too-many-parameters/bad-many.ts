// expect: smells/too-many-parameters ship value=8
export function ship(name: string, street: string, city: string, zip: string, country: string, weight: number, express = false, ...notes: string[]): void {
  console.log(name, street, city, zip, country, weight, express, notes);
}

export class Courier {
  // expect: smells/too-many-parameters constructor value=9
  constructor(private a: string, private b: string, private c: string, private d: string, private e: string, private f: string, private g: string, private h: string, private i?: string) {}
}

// expect: smells/too-many-parameters handler value=8
export const handler = (a: number, b: number, c: number, d: number, e: number, f: number, g: number, h: number) => a + b + c + d + e + f + g + h;
