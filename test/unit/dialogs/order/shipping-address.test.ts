import { addressFields, extractAddress } from '../../../../src/dialogs/order/shipping-address';

describe('extractAddress', () => {
  it.each([
    ['改成上海市浦东新区世纪大道100号', '上海市浦东新区世纪大道100号'],
    ['改为浙江省杭州市西湖区文三路90号，谢谢', '浙江省杭州市西湖区文三路90号'],
    ['新地址是：北京市朝阳区建国路88号SOHO现代城3号楼1201', '北京市朝阳区建国路88号SOHO现代城3号楼1201'],
    ['麻烦帮我把收货地址换成广东省深圳市南山区科技园路1号', '广东省深圳市南山区科技园路1号'],
    ['地址是上海市浦东新区世纪大道100号 8楼', '上海市浦东新区世纪大道100号 8楼'],
    ['上海市浦东新区世纪大道100号 8楼', '上海市浦东新区世纪大道100号 8楼'],
  ])('should keep only the address of %s (zh)', (text, address) => {
    expect(extractAddress(text)).toBe(address);
  });

  it.each([
    ['change it to 12 Baker Street, London, NW1 6XE', '12 Baker Street, London, NW1 6XE'],
    ['The new address is 1600 Amphitheatre Pkwy, Mountain View, CA 94043. Thanks!', '1600 Amphitheatre Pkwy, Mountain View, CA 94043'],
    ['please ship to 200 Nanjing Road West, Jing an District, Shanghai', '200 Nanjing Road West, Jing an District, Shanghai'],
    ['Could you change the delivery address to Room 5, 88 Century Ave, Pudong, Shanghai 200120 please', 'Room 5, 88 Century Ave, Pudong, Shanghai 200120'],
    ['200 Nanjing Road West, Jing an District, Shanghai', '200 Nanjing Road West, Jing an District, Shanghai'],
  ])('should keep only the address of %s (en)', (text, address) => {
    expect(extractAddress(text)).toBe(address);
  });
});

describe('addressFields', () => {
  it('should split a Chinese address into 省 / 市 / 区 / 详细地址', () => {
    expect(addressFields('浙江省杭州市西湖区文三路90号')).toEqual({ province: '浙江省', city: '杭州市', district: '西湖区', street: '文三路90号' });
    expect(addressFields('上海市浦东新区世纪大道100号 8楼')).toEqual({ city: '上海市', district: '浦东新区', street: '世纪大道100号 8楼' });
  });

  it('should split an English address into street, district, city, state and postcode', () => {
    expect(addressFields('1600 Amphitheatre Pkwy, Mountain View, CA 94043')).toEqual({ street: '1600 Amphitheatre Pkwy', city: 'Mountain View', province: 'CA', postcode: '94043' });
    expect(addressFields('12 Baker Street, London, NW1 6XE')).toEqual({ street: '12 Baker Street', city: 'London', postcode: 'NW1 6XE' });
    expect(addressFields('200 Nanjing Road West, Jing an District, Shanghai')).toEqual({ street: '200 Nanjing Road West', district: 'Jing an District', city: 'Shanghai' });
  });
});
