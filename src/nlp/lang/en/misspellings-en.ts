/**
 * @module nlp/lang/en/misspellings-en
 * Frequent English misspellings of the words shoppers use, mapped to the word. Each is a form no
 * correct word takes (`recieve`, `adress`, `tommorow`), so the map cannot turn a right word into a
 * wrong one; misspellings that are words themselves (`form` for `from`, `there` for `their`) stay
 * out. Character n-grams already soften other typos; these are common enough in chat to deserve
 * the whole-word feature.
 */

export const MISSPELLINGS_EN: Readonly<Record<string, string>> = {
  // swapped or dropped letters in shop words
  recieve: 'receive', recieved: 'received', recived: 'received', receieved: 'received', recive: 'receive',
  adress: 'address', addres: 'address', adresss: 'address', addresss: 'address',
  pakage: 'package', packege: 'package', pacakge: 'package', packge: 'package', pakcage: 'package',
  parcle: 'parcel', parsel: 'parcel',
  oder: 'order', ordr: 'order', ordeer: 'order', orderd: 'ordered', oredr: 'order',
  delivary: 'delivery', delievery: 'delivery', delivey: 'delivery', dilivery: 'delivery', delvery: 'delivery', devlivery: 'delivery',
  deliverd: 'delivered', delievered: 'delivered', dilivered: 'delivered',
  shiping: 'shipping', shippping: 'shipping', shipp: 'ship', shiped: 'shipped',
  refnd: 'refund', refud: 'refund', refunf: 'refund', rfund: 'refund',
  cancle: 'cancel', cancell: 'cancel', cancled: 'cancelled', canel: 'cancel',
  retrun: 'return', retun: 'return', retrurn: 'return',
  paymnet: 'payment', paymet: 'payment', payement: 'payment', pyment: 'payment',
  acount: 'account', accout: 'account', acccount: 'account',
  pasword: 'password', passwrod: 'password', passowrd: 'password',
  warrenty: 'warranty', waranty: 'warranty',
  invioce: 'invoice', invoce: 'invoice',
  discout: 'discount', dicount: 'discount', coupn: 'coupon',
  availble: 'available', avaliable: 'available', avalable: 'available',
  recomend: 'recommend', reccomend: 'recommend', recommand: 'recommend',
  quaility: 'quality', qualty: 'quality',
  // everyday words
  tommorow: 'tomorrow', tomorow: 'tomorrow', tommorrow: 'tomorrow', untill: 'until', becuase: 'because', beacuse: 'because',
  wich: 'which', thier: 'their', realy: 'really', definately: 'definitely', seperate: 'separate', wierd: 'weird',
  recieving: 'receiving', adressed: 'addressed', alredy: 'already', allready: 'already', yesturday: 'yesterday',
};
