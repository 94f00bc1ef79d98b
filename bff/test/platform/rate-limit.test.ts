// The bucket a client address counts in (platform/plugins/rate-limit.ts): every form of one IPv4 address counts in
// one bucket, and an IPv6 client in its /64.
import { addressBucket } from '../../src/platform/plugins/rate-limit'

test.each([
  ['203.0.113.7', '203.0.113.7'],
  ['::ffff:203.0.113.7', '203.0.113.7'],
  ['::FFFF:cb00:7107', '203.0.113.7'],
  ['2001:db8:1:2:aaaa::1', '2001:db8:1:2:0:0:0:0/64'],
  ['2001:DB8:1:2:bbbb::2', '2001:db8:1:2:0:0:0:0/64'],
])('the address %s counts in the bucket %s', (ip, bucket) => {
  expect(addressBucket(ip)).toBe(bucket)
})

test('an IPv4 address written with leading zeros counts in the same bucket however it is written', () => {
  expect(addressBucket('010.0.0.1')).toBe(addressBucket('010.000.000.001'))
})
