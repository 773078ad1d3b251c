/**
 * What `kefu config` may show of a secret: a MongoDB URI keeps its user, hosts and database and
 * loses its password; every other secret is shown only as set.
 */
import { MASK, maskSecret, maskUriPassword } from '../../../src/config/mask-secret';
import { SETTINGS } from '../../../src/config/settings';

describe('maskUriPassword', () => {
  it.each([
    ['mongodb://kefu:s3cr%40t@db:27017/kefu?replicaSet=rs0', `mongodb://kefu:${MASK}@db:27017/kefu?replicaSet=rs0`],
    ['mongodb+srv://kefu:pw@cluster0.example.net/kefu', `mongodb+srv://kefu:${MASK}@cluster0.example.net/kefu`],
    ['mongodb://kefu:pw@h1:27017,h2:27017/kefu', `mongodb://kefu:${MASK}@h1:27017,h2:27017/kefu`],
    ['mongodb://db:27017/kefu', 'mongodb://db:27017/kefu'],
    ['mongodb://kefu@db/kefu', 'mongodb://kefu@db/kefu'],
    ['mongodb://db/kefu?tlsCertificateKeyFilePassword=pw&w=majority', `mongodb://db/kefu?tlsCertificateKeyFilePassword=${MASK}&w=majority`],
  ])('should show %s as %s', (uri, shown) => {
    expect(maskUriPassword(uri)).toBe(shown);
  });
});

describe('maskSecret', () => {
  it('should hide every secret setting and leave the others as they are', () => {
    const secrets = SETTINGS.filter((s) => s.secret).map((s) => s.env);
    expect(secrets.sort()).toEqual(
      ['KEFU_BOTFRAMEWORK_APP_PASSWORD', 'KEFU_MONGODB_URI', 'KEFU_SHOP_SECRET', 'KEFU_WEBHOOK_SECRET', 'KEFU_WECHAT_APP_SECRET', 'KEFU_WECHAT_TOKEN'].sort(),
    );
    for (const setting of SETTINGS.filter((s) => s.secret === 'value')) expect(maskSecret(setting, 'hunter2')).toBe(MASK);
    const port = SETTINGS.find((s) => s.env === 'KEFU_PORT')!;
    expect(maskSecret(port, 3000)).toBe(3000);
    expect(maskSecret(SETTINGS.find((s) => s.env === 'KEFU_SHOP_SECRET')!, undefined)).toBeUndefined();
  });
});
