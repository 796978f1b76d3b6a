// Counts per construct, TSX. `metrics:` lists the values measured at that line with every
// threshold at 0; a metric at 0 is not reported. Arrow functions (components, callbacks in
// JSX) are functions of their own; their cognitive complexity is part of the enclosing one's.

import React, { useState } from 'react';

interface ItemProps { // metrics: class-lines=5
  label: string;
  done?: boolean;
  onToggle?: (label: string) => void;
}

const Item = ({ label, done = false, onToggle }: ItemProps) => ( // metrics: cyclomatic=3 cognitive=1 parameters=1 returns=0
  <li className={done ? 'done' : 'open'} onClick={() => onToggle?.(label)}> {/* metrics: cyclomatic=2 parameters=0 returns=0 */}
    {label}
  </li>
);

export function TodoList({ items, title }: { items: string[]; title?: string }) { // metrics: cyclomatic=4 cognitive=3 parameters=1 returns=2
  const [filter, setFilter] = useState('');
  if (!items.length) { // metrics: depth=1
    return <p>Nothing to do</p>;
  }
  return (
    <section>
      <h2>{title ?? 'Todo'}</h2>
      {filter && <button onClick={() => setFilter('')}>clear</button>} {/* metrics: cyclomatic=1 parameters=0 returns=0 */}
      <ul>
        {items.map((item) => ( // metrics: cyclomatic=1 parameters=1 returns=0
          <Item key={item} label={item} />
        ))}
      </ul>
    </section>
  );
}

function Status({ loading, error }: { loading: boolean; error?: Error }) { // metrics: cyclomatic=4 cognitive=3 parameters=1 returns=1 lines=9
  // A ternary in JSX, and one nested in its alternative.
  return (
    <div>
      {loading
        ? <span>Loading</span>
        : error?.message ? <span>{error.message}</span> : <span>Ready</span>}
    </div>
  );
}

class Counter extends React.Component<{ step: number }, { count: number }> { // metrics: class-lines=13
  state = { count: 0 };

  increment = () => { // metrics: cyclomatic=3 cognitive=2 parameters=0 returns=0
    const { step } = this.props;
    if (step > 0 && this.state.count < 100) { // metrics: boolean-expressions=2 depth=1
      this.setState({ count: this.state.count + step });
    }
  };

  render() { // metrics: cyclomatic=2 cognitive=1 parameters=0 returns=1
    const { count } = this.state;
    return <button onClick={this.increment}>{count > 0 ? count : 'start'}</button>;
  }
}
