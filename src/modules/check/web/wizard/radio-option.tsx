import { Radio } from '@mantine/core';
import classes from './item-question.module.css';

/** A radio with a large, bordered touch target; the whole label is clickable. */
export function RadioOption({ value, label, extra = false }: { value: string; label: string; extra?: boolean }) {
  return (
    <Radio
      value={value}
      label={label}
      size="md"
      classNames={{ root: extra ? `${classes.option} ${classes.extra}` : classes.option, body: classes.body, labelWrapper: classes.labelWrapper, label: classes.label }}
    />
  );
}
