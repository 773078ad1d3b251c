import { parsePostbackValue, postbacks } from '../../../../src/dialogs/turn/postback';

describe('clarify postbacks', () => {
  it('should carry the intent and the original activity id both ways', () => {
    const value = postbacks.clarify('order.status', 'a1b2-c3|x');
    expect(parsePostbackValue(value)).toEqual({ kind: 'clarify', intent: 'order.status', activityId: 'a1b2-c3|x' });
  });

  it('should refuse a clarify value without an intent or an activity id', () => {
    expect(parsePostbackValue('clarify:order.status')).toBeNull();
    expect(parsePostbackValue('clarify:|abc')).toBeNull();
    expect(parsePostbackValue('clarify:order.status|')).toBeNull();
  });
});
