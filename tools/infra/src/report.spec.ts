import { redact } from './report';

describe('redact', () => {
  it('hides the password of a URL', () => {
    expect(redact('postgres://app:s3cr%40t@127.0.0.1:5432/orders')).toBe('postgres://app:***@127.0.0.1:5432/orders');
    expect(redact('redis://:pw@127.0.0.1:6379/0')).toBe('redis://:***@127.0.0.1:6379/0');
  });

  it('leaves a URL without password as it is', () => {
    expect(redact('postgres://postgres@127.0.0.1:5432/postgres')).toBe('postgres://postgres@127.0.0.1:5432/postgres');
    expect(redact('mongodb://127.0.0.1:27017/customers')).toBe('mongodb://127.0.0.1:27017/customers');
  });
});
