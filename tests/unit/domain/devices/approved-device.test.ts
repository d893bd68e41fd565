/** s.4: images of pupils are taken only on school devices the online safety lead approved; how a device is named, and its form. */
import { deviceLabel, validateDeviceInput } from '../../../../bot/src/domain/devices/approved-device';

describe('a device as the posting form and the register name it (s.4)', () => {
  it.each<[Parameters<typeof deviceLabel>[0], string]>([
    [{ name: 'Class 4B iPad', type: 'tablet' }, 'Class 4B iPad (tablet)'],
    [{ name: 'Office camera', type: 'camera' }, 'Office camera (camera)'],
    [{ name: 'Trip phone', type: 'phone' }, 'Trip phone (phone)'],
    [{ name: 'Teaching laptop 3', type: 'laptop' }, 'Teaching laptop 3 (laptop)'],
    [{ name: 'Trip phone', type: 'other' }, 'Trip phone (other)'],
  ])('%j reads %p', (device, label) => {
    expect(deviceLabel(device)).toBe(label);
  });
});

describe('approving a device: the form (s.4)', () => {
  it.each<[string, unknown, Record<string, string> | 'ok']>([
    ['approved today, name trimmed', { name: ' Class 4B iPad ', type: 'tablet', approvedOn: '2026-11-24' }, 'ok'],
    ['approved on an earlier day', { name: 'Camera', type: 'camera', approvedOn: '2025-09-03' }, 'ok'],
    [
      'a date written the UK way',
      { name: 'Camera', type: 'camera', approvedOn: '03/09/2025' },
      { approvedOn: 'Enter the date the device was approved, for example 2026-09-01.' },
    ],
    ['no date', { name: 'Camera', type: 'camera' }, { approvedOn: 'Enter the date the device was approved.' }],
    [
      'a date with more typed after it',
      { name: 'Camera', type: 'camera', approvedOn: '2025-09-03 at 9' },
      { approvedOn: 'Enter the date the device was approved, for example 2026-09-01.' },
    ],
    [
      'a date with more typed before it',
      { name: 'Camera', type: 'camera', approvedOn: 'on 2025-09-03' },
      { approvedOn: 'Enter the date the device was approved, for example 2026-09-01.' },
    ],
    [
      'a day the month does not have',
      { name: 'Camera', type: 'camera', approvedOn: '2025-02-30' },
      { approvedOn: 'That date does not exist.' },
    ],
    [
      'a date after today',
      { name: 'Camera', type: 'camera', approvedOn: '2026-11-25' },
      { approvedOn: "A device cannot be approved in the future: use today's date or an earlier one." },
    ],
    [
      'nothing filled in: each field says what it needs',
      {},
      { name: 'The device name is required.', type: 'Choose the type of device.', approvedOn: 'Enter the date the device was approved.' },
    ],
    [
      'nothing sent',
      null,
      { name: 'The device name is required.', type: 'Choose the type of device.', approvedOn: 'Enter the date the device was approved.' },
    ],
    [
      'text in place of a form',
      'Camera',
      { name: 'The device name is required.', type: 'Choose the type of device.', approvedOn: 'Enter the date the device was approved.' },
    ],
    [
      'not a form at all',
      ['Camera'],
      { name: 'The device name is required.', type: 'Choose the type of device.', approvedOn: 'Enter the date the device was approved.' },
    ],
    [
      'a name that is too long and hidden characters: the first problem only',
      { name: `${'x'.repeat(41)}\u202E`, type: 'camera', approvedOn: '2026-11-24' },
      { name: expect.any(String) },
    ],
  ])('%s', (_case, raw, expected) => {
    const result = validateDeviceInput(raw, '2026-11-24');
    expect(result.ok ? 'ok' : result.errors).toEqual(expected);
  });

  it('keeps the name as typed, trimmed', () => {
    expect(validateDeviceInput({ name: ' Class 4B iPad ', type: 'tablet', approvedOn: '2026-11-24' }, '2026-11-24')).toEqual({
      ok: true,
      value: { name: 'Class 4B iPad', type: 'tablet', approvedOn: '2026-11-24' },
    });
  });
});
