import { Select, type SelectProps } from 'antd';
import { useRef } from 'react';

type Props = Omit<SelectProps<number[]>, 'mode' | 'onChange'> & { onChange?: (value: number[]) => void };

/**
 * Several units. Enter picks the highlighted unit but never removes one already chosen (the plain
 * multiple select toggles it off, silently, when the highlight rests on a chosen unit); a unit is
 * removed with its ×, by unticking it in the list with the mouse, or with Backspace.
 */
export function UnitsSelect({ onChange, value, ...rest }: Props) {
  const enter = useRef(false);
  return (
    <div
      onKeyDownCapture={(e) => {
        enter.current = e.key === 'Enter';
      }}
      onKeyUpCapture={() => {
        enter.current = false;
      }}
    >
      <Select<number[]>
        {...rest}
        mode="multiple"
        value={value}
        onChange={(next) => {
          const removed = (value ?? []).some((v) => !next.includes(v));
          if (enter.current && removed) return;
          onChange?.(next);
        }}
      />
    </div>
  );
}
